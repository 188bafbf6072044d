//! Whole runs of the listing. Its `--help` and bad flags are tested for
//! every listing in `book-tests`.

use user_input::{line_at, quiet_run_lines};

const PROGRAM: &str = env!("CARGO_BIN_EXE_backpressure");

/// With room for 2 items, the producer's third `send` waits: it starts
/// before the consumer gets item 1 and ends after. The order is fixed by the
/// channel, not by the clock, so both clocks give the same lines.
#[test]
fn the_third_send_waits_until_the_consumer_takes_an_item() {
    for clock in ["paused", "real"] {
        let lines = quiet_run_lines(PROGRAM, &["--clock", clock]);
        let sending = line_at(&lines, "producer: sending 3");
        let got = line_at(&lines, "consumer: got 1, works 50 ms");
        let sent = line_at(&lines, "producer: sent 3, room for 0");
        assert!(sending < got && got < sent, "{lines:?}");
        assert!(
            line_at(&lines, "producer: sent 2, room for 0") < got,
            "{lines:?}"
        );
    }
}

/// The consumer's loop ends after the producer has dropped its sender, once
/// it has received all 5 items.
#[test]
fn the_loop_ends_after_the_sender_is_dropped() {
    let lines = quiet_run_lines(PROGRAM, &["--clock", "paused"]);
    let dropped = line_at(&lines, "producer: done, drops its sender");
    let last = line_at(&lines, "consumer: got 5, works 50 ms");
    let end = line_at(&lines, "consumer: recv gave None, the loop ends");
    assert!(dropped < last && last < end, "{lines:?}");
    assert_eq!(end, lines.len() - 1, "{lines:?}");
}
