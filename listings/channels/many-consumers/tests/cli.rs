//! Whole runs of the listing. Its `--help` and bad flags are tested for
//! every listing in `book-tests`.

use std::process::Command;

const PROGRAM: &str = env!("CARGO_BIN_EXE_many-consumers");

/// The lines of a run with the given flags.
fn run(args: &[&str]) -> Vec<String> {
    let out = Command::new(PROGRAM)
        .args(args)
        .output()
        .expect("the listing runs");
    assert!(out.status.success(), "{args:?}");
    assert!(out.stderr.is_empty(), "{args:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines().map(String::from).collect()
}

/// In both halves, each of the 6 jobs is taken once, and both workers
/// take some. On the paused clock, the fast worker (40 ms a job) takes 4
/// and the slow one (100 ms a job) takes 2, in both halves.
#[test]
fn every_job_is_taken_once_by_one_worker() {
    for clock in ["paused", "real"] {
        let lines = run(&["--clock", clock]);
        let halves: Vec<&[String]> = lines.split(|l| l.starts_with("--")).collect();
        assert_eq!(halves.len(), 3, "{lines:?}");
        for half in &halves[1..] {
            let mut jobs: Vec<u32> = half
                .iter()
                .map(|l| l.rsplit(' ').next().unwrap().parse().unwrap())
                .collect();
            jobs.sort();
            assert_eq!(jobs, [1, 2, 3, 4, 5, 6], "{lines:?}");
            let fast = half.iter().filter(|l| l.starts_with("fast ")).count();
            assert!(fast > 0 && fast < 6, "{lines:?}");
            if clock == "paused" {
                assert_eq!(fast, 4, "{lines:?}");
            }
        }
    }
}
