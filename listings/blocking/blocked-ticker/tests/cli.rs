//! A whole run of the measurement. Its `--help` and bad flags are tested
//! for every listing in `book-tests`. Real lateness depends on the
//! machine and on what else runs on it, so the test compares the two runs
//! of one process with each other, with a wide margin, and checks no
//! time against a fixed bound.

use user_input::quiet_run_lines;

const PROGRAM: &str = env!("CARGO_BIN_EXE_blocked-ticker");

/// The median and the 90th percentile of the lateness on the line that
/// starts with `what`, in milliseconds.
fn median_and_90th(lines: &[String], what: &str) -> (f64, f64) {
    let line = lines
        .iter()
        .find(|line| line.starts_with(what))
        .unwrap_or_else(|| panic!("no line {what:?} in {lines:?}"));
    let number = |after: &str| -> f64 {
        let rest = &line[line.find(after).expect(after) + after.len()..];
        let word = rest.split_whitespace().next().unwrap_or_default();
        word.parse().unwrap_or_else(|_| panic!("{line:?}"))
    };
    (number("median "), number("90th percentile "))
}

const RUNS: usize = 3;

/// Beside the job, the ticker's median and 90th percentile lateness are
/// at least 3 times what they are alone, in one of up to `RUNS` runs. A
/// machine busy enough can stop this process's threads for hundreds of
/// milliseconds while the ticker runs alone: such a run tells nothing
/// about the code. A job that did not block would fail every run.
#[test]
fn the_job_makes_the_ticker_at_least_3_times_later() {
    let mut failures = Vec::new();
    for _ in 0..RUNS {
        let lines = quiet_run_lines(PROGRAM, &[]);
        let alone = median_and_90th(&lines, "ticker alone:");
        let blocked = median_and_90th(&lines, "beside the job:");
        if blocked.0 >= 3.0 * alone.0 && blocked.1 >= 3.0 * alone.1 {
            return;
        }
        failures.push(format!("{lines:#?}"));
    }
    panic!("{RUNS} runs failed:\n{}", failures.join("\n"));
}
