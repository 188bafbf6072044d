//! Whole runs of the listing. Its `--help` and bad flags are tested for
//! every listing in `book-tests`.

use std::process::Command;

const PROGRAM: &str = env!("CARGO_BIN_EXE_rendezvous");

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

/// tokio refuses a channel that holds nothing, with this message.
#[test]
#[should_panic(expected = "mpsc bounded channel requires buffer > 0")]
fn tokio_refuses_capacity_zero() {
    let _ = tokio::sync::mpsc::channel::<u32>(0);
}

/// So does smol's channel, the async-channel crate.
#[test]
#[should_panic(expected = "capacity cannot be zero")]
fn smol_refuses_capacity_zero() {
    let _ = smol::channel::bounded::<u32>(0);
}

/// Without an acknowledgement, the producer's send of item 2 ends before
/// the consumer takes item 2; with one, the producer goes on only after the
/// consumer has taken each of the 3 items.
#[test]
fn the_producer_goes_on_only_after_its_item_is_taken() {
    for clock in ["paused", "real"] {
        let lines = run(&["--clock", clock]);
        let half = at(
            &lines,
            "-- capacity 1 and an acknowledgement: a rendezvous --",
        );
        let (ahead, rendezvous) = lines.split_at(half);
        assert!(
            at(ahead, "producer: sent 2") < at(ahead, "consumer: took 2"),
            "{lines:?}"
        );
        for item in 1..=3 {
            let offers = at(rendezvous, &format!("producer: offers {item}"));
            let took = at(rendezvous, &format!("consumer: took {item}"));
            let taken = at(rendezvous, &format!("producer: {item} was taken"));
            assert!(offers < took && took < taken, "{lines:?}");
            if item < 3 {
                let next = at(rendezvous, &format!("producer: offers {}", item + 1));
                assert!(taken < next, "{lines:?}");
            }
        }
    }
}
