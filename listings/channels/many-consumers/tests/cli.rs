//! Whole runs of the listing. Its `--help` and bad flags are tested for
//! every listing in `book-tests`.

use user_input::quiet_run_lines;

const PROGRAM: &str = env!("CARGO_BIN_EXE_many-consumers");

/// In both halves, each of the 6 jobs is taken once, and both workers
/// take some. On the paused clock, the fast worker (40 ms a job) takes 4
/// and the slow one (100 ms a job) takes 2, in both halves.
#[test]
fn every_job_is_taken_once_by_one_worker() {
    for clock in ["paused", "real"] {
        let lines = quiet_run_lines(PROGRAM, &["--clock", clock]);
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
