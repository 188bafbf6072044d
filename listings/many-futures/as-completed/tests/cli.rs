//! A whole run of the listing on the paused clock, whose times are exact.
//! Its `--help` and bad flags are tested for every listing in `book-tests`.

use user_input::{line_at, part};

const PROGRAM: &str = env!("CARGO_BIN_EXE_as-completed");

fn run() -> Vec<String> {
    user_input::quiet_run_lines(PROGRAM, &["--clock", "paused"])
}

/// The names the caller gets, in the order it gets them.
fn got(part: &[String]) -> Vec<&str> {
    part.iter()
        .filter_map(|l| l.strip_prefix("caller: got "))
        .filter_map(|l| l.split(' ').next())
        .collect()
}

/// Both give the jobs in the order they finish, quick, medium, slow, not
/// in the order they were made, slow, quick, medium.
#[test]
fn results_come_in_the_order_the_jobs_finish() {
    let lines = run();
    for heading in ["-- FuturesUnordered --", "-- JoinSet --"] {
        let part = part(&lines, heading);
        assert_eq!(got(part), ["quick", "medium", "slow"], "{part:?}");
    }
}

/// Medium's first half ends at 120 ms. In the `FuturesUnordered`, nothing
/// polls it while the caller works on quick's result, from 100 to 230 ms,
/// so it says so at 230 ms and is done at 350; as a task in the `JoinSet`,
/// at 120 ms, and done at 240. Slow is done at 480 ms against 400.
#[test]
fn futures_unordered_moves_on_only_while_its_owner_polls_it() {
    let lines = run();
    let unordered = part(&lines, "-- FuturesUnordered --");
    line_at(unordered, "  medium: half way at 230 ms");
    line_at(unordered, "  medium: done at 350 ms");
    line_at(unordered, "  slow: done at 480 ms");
    let set = part(&lines, "-- JoinSet --");
    line_at(set, "  medium: half way at 120 ms");
    line_at(set, "  medium: done at 240 ms");
    line_at(set, "  slow: done at 400 ms");
}
