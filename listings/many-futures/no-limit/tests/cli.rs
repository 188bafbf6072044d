//! A whole run of the listing on the paused clock, whose times are exact.
//! Its `--help` and bad flags are tested for every listing in `book-tests`.

const PROGRAM: &str = env!("CARGO_BIN_EXE_no-limit");

/// With no limit, all 100 jobs are in flight at once, and the whole run
/// takes as long as the slowest job, 50 ms.
#[test]
fn all_hundred_jobs_are_in_flight_at_once() {
    let lines = user_input::quiet_run_lines(PROGRAM, &["--clock", "paused"]);
    let expected = [
        "jobs done: 100",
        "most in flight at once: 100",
        "all done after 50 ms",
    ];
    assert_eq!(lines, expected);
}
