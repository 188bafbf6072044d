//! A whole run on the paused clock. Its `--help` and bad flags are tested
//! for every listing in `book-tests`.

use user_input::{line_at, quiet_run_lines};

const PROGRAM: &str = env!("CARGO_BIN_EXE_work-queue");

/// Each of the 9 items is taken once; some sends wait while the queue is
/// full; each consumer sees the queue closed only after the last producer
/// has ended; and the run ends with every task joined.
#[test]
fn producers_wait_on_a_full_queue_and_every_task_ends() {
    let lines = quiet_run_lines(PROGRAM, &["--clock", "paused"]);
    let mut taken: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.split(": took ").nth(1))
        .collect();
    taken.sort();
    assert_eq!(
        taken,
        ["A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2", "C3"]
    );
    let waited = lines
        .iter()
        .filter(|l| l.contains("waited") && !l.ends_with("waited 0 ms"))
        .count();
    assert!(waited >= 3, "{lines:?}");
    let last_producer = line_at(
        &lines,
        " 160 ms  main: C has sent its items; its sender is dropped",
    );
    for number in 1..=2 {
        let closed = lines
            .iter()
            .position(|l| {
                l.contains(&format!("consumer {number} saw the queue closed"))
            })
            .expect("each consumer sees the queue closed");
        assert!(closed > last_producer, "{lines:?}");
    }
    assert_eq!(lines.last().unwrap(), " 260 ms  main: every task has ended");
}
