//! Whole runs of the listing. Its `--help` and bad flags are tested for
//! every listing in `book-tests`.

use user_input::{line_at, quiet_run_lines};

const PROGRAM: &str = env!("CARGO_BIN_EXE_many-producers");

/// The consumer gets all 6 items, 2 from each of the 3 producers, and its
/// loop ends only after the last producer, C, has dropped its clone.
#[test]
fn the_loop_ends_only_after_every_clone_is_dropped() {
    for clock in ["paused", "real"] {
        let lines = quiet_run_lines(PROGRAM, &["--clock", clock]);
        let mut got: Vec<&str> = lines
            .iter()
            .filter_map(|l| l.strip_prefix("consumer: got "))
            .collect();
        got.sort();
        assert_eq!(got, ["A1", "A2", "B1", "B2", "C1", "C2"], "{lines:?}");
        let last_drop = line_at(&lines, "  C: done, drops its clone");
        let end = line_at(&lines, "consumer: every sender is gone, recv gave None");
        assert!(last_drop < end, "{lines:?}");
        assert_eq!(end, lines.len() - 1, "{lines:?}");
    }
}

/// On the paused clock, items arrive in the order of their times: A every
/// 40 ms, B every 60 ms, C every 100 ms.
#[test]
fn items_arrive_in_the_order_of_their_times() {
    let lines = quiet_run_lines(PROGRAM, &["--clock", "paused"]);
    let got: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("consumer: got "))
        .collect();
    assert_eq!(got, ["A1", "B1", "A2", "C1", "B2", "C2"], "{lines:?}");
}
