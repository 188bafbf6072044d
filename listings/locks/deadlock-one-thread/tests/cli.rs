//! Whole runs of the listing, on the paused clock and the real one.

use std::time::{Duration, Instant};

use user_input::quiet_run_lines;

const PROGRAM: &str = env!("CARGO_BIN_EXE_deadlock-one-thread");

/// A run with `args`, and how long it took. `main` gives up 500 ms after
/// it starts, whatever the runtime's thread has done by then; on a busy
/// machine that thread may not even have reached B's `lock`, and such a
/// run tells nothing about the listing's code. So a run in which B did not
/// lock is made again, five runs at most, and the last one is returned.
fn run(args: &[&str]) -> (Vec<String>, Duration) {
    let mut attempts = 0;
    loop {
        let started = Instant::now();
        let lines = quiet_run_lines(PROGRAM, args);
        let took = started.elapsed();
        attempts += 1;
        let b_locked = lines.iter().any(|l| l.starts_with("B: locking at "));
        if b_locked || attempts == 5 {
            return (lines, took);
        }
    }
}

/// On either clock, B's `lock` blocks the runtime's only thread: A never
/// prints that it saved, the ticker never ticks, and `main` gives up
/// after 500 ms of real time and returns, which ends the process.
#[test]
fn the_second_lock_blocks_the_only_thread() {
    for clock in ["paused", "real"] {
        let (lines, took) = run(&["--clock", clock]);
        assert_eq!(
            lines[..2],
            ["A: locking at 0 ms", "A: count is 1, saving it"]
        );
        assert!(
            lines
                .get(2)
                .is_some_and(|l| l.starts_with("B: locking at ")),
            "{lines:?}"
        );
        assert_eq!(lines[3..], ["main: no word from the runtime after 500ms"]);
        assert!(took >= Duration::from_millis(500), "{took:?}");
    }
}
