//! Whole runs of the listing. Its `--help` and bad flags are tested for
//! every listing in `book-tests`.

use std::process::Command;

const PROGRAM: &str = env!("CARGO_BIN_EXE_backpressure");

/// The lines of a run with the given flags.
fn run(args: &[&str]) -> Vec<String> {
    let out = Command::new(PROGRAM)
        .args(args)
        .output()
        .expect("the listing runs");
    assert!(out.status.success(), "{args:?}");
    assert!(out.stderr.is_empty(), "{args:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines().map(String::from).collect()
}

/// Where `line` is in `lines`; a panic if it is not there.
fn at(lines: &[String], line: &str) -> usize {
    lines
        .iter()
        .position(|l| l == line)
        .unwrap_or_else(|| panic!("no line {line:?} in {lines:?}"))
}

/// With room for 2 items, the producer's third `send` waits: it starts
/// before the consumer gets item 1 and ends after. The order is fixed by the
/// channel, not by the clock, so both clocks give the same lines.
#[test]
fn the_third_send_waits_until_the_consumer_takes_an_item() {
    for clock in ["paused", "real"] {
        let lines = run(&["--clock", clock]);
        let sending = at(&lines, "producer: sending 3");
        let got = at(&lines, "consumer: got 1, works 50 ms");
        let sent = at(&lines, "producer: sent 3, room for 0");
        assert!(sending < got && got < sent, "{lines:?}");
        assert!(
            at(&lines, "producer: sent 2, room for 0") < got,
            "{lines:?}"
        );
    }
}

/// The consumer's loop ends after the producer has dropped its sender, once
/// it has received all 5 items.
#[test]
fn the_loop_ends_after_the_sender_is_dropped() {
    let lines = run(&["--clock", "paused"]);
    let dropped = at(&lines, "producer: done, drops its sender");
    let last = at(&lines, "consumer: got 5, works 50 ms");
    let end = at(&lines, "consumer: recv gave None, the loop ends");
    assert!(dropped < last && last < end, "{lines:?}");
    assert_eq!(end, lines.len() - 1, "{lines:?}");
}
