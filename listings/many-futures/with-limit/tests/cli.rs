//! A whole run of the listing on the paused clock, whose times are exact.
//! Its `--help` and bad flags are tested for every listing in `book-tests`.

use user_input::line_at;

const PROGRAM: &str = env!("CARGO_BIN_EXE_with-limit");

/// With `buffer_unordered(10)` and with a semaphore of 10 permits, all 100
/// jobs are done, and never more than 10 are in flight at once.
#[test]
fn never_more_than_ten_jobs_in_flight() {
    let lines = user_input::quiet_run_lines(PROGRAM, &["--clock", "paused"]);
    for heading in [
        "-- buffer_unordered(10) --",
        "-- Semaphore::new(10), tasks in a JoinSet --",
    ] {
        let at = line_at(&lines, heading);
        assert_eq!(lines[at + 1], "jobs done: 100", "{lines:?}");
        assert_eq!(lines[at + 2], "most in flight at once: 10", "{lines:?}");
    }
}

/// The price of the limit: ten at a time, the 100 jobs of 10 to 50 ms take
/// 321 ms in both parts, where `no-limit` takes 50.
#[test]
fn ten_at_a_time_the_run_takes_321_ms() {
    let lines = user_input::quiet_run_lines(PROGRAM, &["--clock", "paused"]);
    let done: Vec<&String> = lines
        .iter()
        .filter(|l| l.starts_with("all done after"))
        .collect();
    assert_eq!(done, ["all done after 321 ms"; 2], "{lines:?}");
}
