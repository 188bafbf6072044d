//! Whole runs of the listing, on the paused clock and the real one.

use std::time::{Duration, Instant};

use user_input::quiet_run_lines;

const PROGRAM: &str = env!("CARGO_BIN_EXE_deadlock-one-thread");

/// On either clock, B's `lock` blocks the runtime's only thread: A never
/// prints that it saved, the ticker never ticks, and `main` gives up
/// after 500 ms of real time and returns, which ends the process.
#[test]
fn the_second_lock_blocks_the_only_thread() {
    for clock in ["paused", "real"] {
        let started = Instant::now();
        let lines = quiet_run_lines(PROGRAM, &["--clock", clock]);
        let took = started.elapsed();
        assert_eq!(
            lines[..2],
            ["A: locking at 0 ms", "A: count is 1, saving it"]
        );
        assert!(lines[2].starts_with("B: locking at "), "{lines:?}");
        assert_eq!(lines[3..], ["main: no word from the runtime after 500ms"]);
        assert!(took >= Duration::from_millis(500), "{took:?}");
    }
}
