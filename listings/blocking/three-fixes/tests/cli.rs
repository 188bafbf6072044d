//! A whole run of the measurement. Its `--help` and bad flags are tested
//! for every listing in `book-tests`. Real lateness depends on the
//! machine and on what else runs on it, so the tests compare the runs of
//! one process with each other, with a wide margin, and check no time
//! against a fixed bound.

use user_input::quiet_run_lines;

const PROGRAM: &str = env!("CARGO_BIN_EXE_three-fixes");

/// The numbers on the first line that starts with `name`, after it.
fn row(lines: &[String], name: &str) -> Vec<f64> {
    let line = lines
        .iter()
        .find(|line| line.starts_with(name))
        .unwrap_or_else(|| panic!("no line {name:?} in {lines:?}"));
    line[name.len()..]
        .split_whitespace()
        .filter_map(|word| word.parse().ok())
        .collect()
}

const FIXES: [&str; 3] = ["yield_now", "spawn_blocking", "rayon + oneshot"];

/// A run whose figures `check` accepts, of up to `RUNS` runs of the
/// program. A machine busy enough can stop this process's threads for
/// hundreds of milliseconds in any of its runs, the ticker alone
/// included: such a run tells nothing about the code. A fix that does not
/// work fails every run.
fn one_run_passes(args: &[&str], check: impl Fn(&[String]) -> Result<(), String>) {
    let mut failures = Vec::new();
    for _ in 0..RUNS {
        let lines = quiet_run_lines(PROGRAM, args);
        match check(&lines) {
            Ok(()) => return,
            Err(failure) => failures.push(format!("{failure}: {lines:#?}")),
        }
    }
    panic!("{RUNS} runs failed:\n{}", failures.join("\n"));
}

const RUNS: usize = 3;

/// With each fix, the ticker's median and 90th percentile lateness are at
/// most a third of the blocked run's, in the same run of the program.
#[test]
fn each_fix_makes_the_ticker_at_least_3_times_less_late() {
    one_run_passes(&[], |lines| {
        let blocked = row(lines, "blocked");
        for fix in FIXES {
            let fixed = row(lines, fix);
            if blocked[0] < 3.0 * fixed[0] || blocked[1] < 3.0 * fixed[1] {
                return Err(format!("{fix} is not 3 times less late"));
            }
        }
        Ok(())
    });
}

/// The costs that do not depend on the clock: the blocked task is polled
/// once, the yielding task once per chunk and once more; `spawn_blocking`
/// adds a thread, and rayon's pool at least one more. The program counts
/// threads on Linux only, and prints `?` elsewhere.
#[test]
fn yield_now_costs_polls_and_the_pools_cost_threads() {
    let lines = quiet_run_lines(PROGRAM, &["--chunks", "20"]);
    // The last two columns of the row: polls, and threads or `?`.
    let polls_and_threads = |name: &str| -> (f64, Option<f64>) {
        let line = lines
            .iter()
            .find(|line| line.starts_with(name))
            .unwrap_or_else(|| panic!("no line {name:?} in {lines:?}"));
        let words: Vec<&str> = line.split_whitespace().collect();
        let [.., polls, threads] = words[..] else {
            panic!("{line:?}")
        };
        let polls = polls.parse().unwrap_or_else(|_| panic!("{line:?}"));
        (polls, threads.parse().ok())
    };
    let blocked = polls_and_threads("blocked");
    let yielding = polls_and_threads("yield_now");
    let spawn_blocking = polls_and_threads("spawn_blocking");
    let rayon = polls_and_threads("rayon + oneshot");
    assert_eq!((blocked.0, yielding.0), (1.0, 21.0), "{lines:#?}");
    if !cfg!(target_os = "linux") {
        return;
    }
    let threads =
        |run: (f64, Option<f64>)| run.1.expect("Linux has /proc/self/task");
    assert_eq!(threads(yielding), threads(blocked), "{lines:#?}");
    assert_eq!(
        threads(spawn_blocking),
        threads(blocked) + 1.0,
        "{lines:#?}"
    );
    assert!(threads(rayon) >= threads(blocked) + 1.0, "{lines:#?}");
}
