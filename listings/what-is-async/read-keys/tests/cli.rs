//! The flags of every listing in this chapter come from one parser, in the
//! `user-input` crate; this checks what a reader sees when one is wrong.

use std::process::{Command, Output};

const READ_KEYS: &str = env!("CARGO_BIN_EXE_read-keys");

fn run(args: &[&str]) -> Output {
    Command::new(READ_KEYS)
        .args(args)
        .output()
        .expect("read-keys starts")
}

#[test]
fn help_prints_the_usage_on_stdout_and_exits_0() {
    for flag in ["--help", "-h"] {
        let out = run(&[flag]);
        assert_eq!(out.status.code(), Some(0), "{flag}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let usage = "usage: read-keys [--period SECONDS] [--seed N]\n";
        assert!(stdout.starts_with(usage), "{flag}: {stdout}");
        assert!(stdout.contains("\n  -h, --help "), "{flag}: {stdout}");
        assert!(out.stderr.is_empty(), "{flag}");
    }
}

#[test]
fn bad_input_gives_one_error_line_and_exit_code_2() {
    let bad: &[&[&str]] = &[
        &["--period", "-1"],
        &["--period", "0"],
        &["--period", "NaN"],
        &["--period", "soon"],
        &["--period"],
        &["--seed", "seven"],
        &["--seed", "-7"],
        &["--seed"],
        &["--speed", "2"],
        &["--period", "0.01", "extra"],
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

#[test]
fn a_seed_gives_the_same_keys_at_any_pace() {
    let keys = |period: &str| {
        let out = run(&["--period", period, "--seed", "11"]);
        assert!(out.status.success(), "--period {period}");
        assert!(out.stderr.is_empty(), "--period {period}: a read came late");
        String::from_utf8(out.stdout).unwrap()
    };
    let fast = keys("0.05");
    assert_eq!(fast.lines().count(), 10, "{fast}");
    assert_eq!(fast, keys("0.1"));
}
