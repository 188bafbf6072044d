//! What a reader sees when running the listing: whole runs. Its `--help`
//! and bad flags are tested once for every listing, in `book-tests`
//! (`tests/src/flags.rs`).

use std::process::Output;
use std::thread;

const WAKER_EXECUTOR: &str = env!("CARGO_BIN_EXE_waker-executor");

/// A run that no busy machine made late (see `run_on_time`).
fn run(args: &[&str]) -> Output {
    user_input::run_on_time(WAKER_EXECUTOR, args)
}

/// The channel keeps every key, so the run does not depend on the pace:
/// the same seed gives the same moves, and the run ends when the keyboard
/// thread does. The runs go side by side, and the periods are long enough
/// that a keyboard thread on a busy machine still reads each period in time.
#[test]
fn a_seed_gives_the_same_moves_at_any_pace_then_bye() {
    let stdout = |seed: &str, period: &str| {
        let out = run(&["--seed", seed, "--period", period]);
        assert!(out.status.success(), "seed {seed}, --period {period}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.is_empty(),
            "seed {seed}, --period {period}: {stderr}"
        );
        String::from_utf8(out.stdout).unwrap()
    };
    thread::scope(|scope| {
        for seed in ["1", "3", "8"] {
            scope.spawn(move || {
                let slow = stdout(seed, "0.25");
                assert_eq!(stdout(seed, "0.1"), slow, "seed {seed}");
                let lines: Vec<&str> = slow.lines().collect();
                assert_eq!(lines.last(), Some(&"Bye!"), "seed {seed}: {slow}");
                for line in &lines[..lines.len() - 1] {
                    assert!(line.starts_with("period "), "seed {seed}: {line}");
                    assert!(line.contains(" → "), "seed {seed}: {line}");
                }
            });
        }
    });
}
