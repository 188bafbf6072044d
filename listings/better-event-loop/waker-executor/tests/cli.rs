//! What a reader sees when running the listing: whole runs. Its `--help`
//! and bad flags are tested once for every listing, in `book-tests`
//! (`tests/src/flags.rs`).

use std::process::{Command, Output};

const WAKER_EXECUTOR: &str = env!("CARGO_BIN_EXE_waker-executor");

fn run(args: &[&str]) -> Output {
    Command::new(WAKER_EXECUTOR)
        .args(args)
        .output()
        .expect("waker-executor starts")
}

/// The channel keeps every key, so the run does not depend on the pace:
/// the same seed gives the same moves, and the run ends when the keyboard
/// thread does.
#[test]
fn a_seed_gives_the_same_moves_at_any_pace_then_bye() {
    for seed in ["1", "3", "8"] {
        let stdout = |period: &str| {
            let out = run(&["--seed", seed, "--period", period]);
            assert!(out.status.success(), "seed {seed}, --period {period}");
            assert!(out.stderr.is_empty(), "seed {seed}, --period {period}");
            String::from_utf8(out.stdout).unwrap()
        };
        let slow = stdout("0.05");
        assert_eq!(stdout("0.02"), slow, "seed {seed}");
        let lines: Vec<&str> = slow.lines().collect();
        assert_eq!(lines.last(), Some(&"Bye!"), "seed {seed}: {slow}");
        for line in &lines[..lines.len() - 1] {
            assert!(line.starts_with("period "), "seed {seed}: {line}");
            assert!(line.contains(" → "), "seed {seed}: {line}");
        }
    }
}
