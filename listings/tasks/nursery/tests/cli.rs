//! Whole runs of the listing, on the real clock and the paused one. Its
//! `--help` and bad flags are tested for every listing in `book-tests`.

use std::time::{Duration, Instant};

const PROGRAM: &str = env!("CARGO_BIN_EXE_nursery");

/// The lines of a run with `--clock clock`, and how long it took.
fn run(clock: &str) -> (Vec<String>, Duration) {
    let start = Instant::now();
    let lines = user_input::quiet_run_lines(PROGRAM, &["--clock", clock]);
    (lines, start.elapsed())
}

/// The names the parent gets, in the order it gets them.
fn got(lines: &[String]) -> Vec<&str> {
    lines
        .iter()
        .filter_map(|l| l.strip_prefix("parent: got "))
        .collect()
}

/// The parent gets the jobs in the order it spawned them when it awaits
/// their handles in turn, and in the order they finish from `join_next`
/// and `join_all`. Checked on the paused clock, whose order is exact, and
/// on the real one, whose run lasts at least 1.8 seconds (three parts of
/// 600 ms); only the order of the names is checked there, since a loaded
/// machine may print a job's `done` line after the parent's next one.
#[test]
fn handles_give_spawn_order_and_the_set_gives_finish_order() {
    let spawned = ["slow", "quick", "medium"];
    let finished = ["quick", "medium", "slow"];
    let all = format!("{finished:?}");
    let expected: Vec<&str> = spawned
        .into_iter()
        .chain(finished)
        .chain([all.as_str()])
        .collect();

    let (paused, _) = run("paused");
    assert_eq!(got(&paused), expected, "{paused:?}");
    let (real, took) = run("real");
    assert_eq!(got(&real), expected, "{real:?}");
    assert!(took >= Duration::from_millis(1800), "{took:?}");
}
