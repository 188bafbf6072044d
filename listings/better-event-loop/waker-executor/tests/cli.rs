//! What a reader sees when running the listing: bad flags, and whole runs.

use std::process::{Command, Output};

const WAKER_EXECUTOR: &str = env!("CARGO_BIN_EXE_waker-executor");

fn run(args: &[&str]) -> Output {
    Command::new(WAKER_EXECUTOR)
        .args(args)
        .output()
        .expect("waker-executor starts")
}

#[test]
fn help_prints_the_usage_on_stdout_and_exits_0() {
    for flag in ["--help", "-h"] {
        let out = run(&[flag]);
        assert_eq!(out.status.code(), Some(0), "{flag}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let usage = "usage: waker-executor [--period SECONDS] [--seed N]\n";
        assert!(stdout.starts_with(usage), "{flag}: {stdout}");
        assert!(stdout.contains("\n  -h, --help "), "{flag}: {stdout}");
        assert!(out.stderr.is_empty(), "{flag}");
    }
}

#[test]
fn bad_input_gives_one_error_line_and_exit_code_2() {
    let bad: &[&[&str]] = &[
        &["--period", "0"],
        &["--period", "-1"],
        &["--period"],
        &["--seed", "x"],
        &["--periods", "3"],
    ];
    for args in bad {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
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
