//! What a reader sees when asking for help or giving bad flags: the flags
//! come from the `user-input` crate's parser.

use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_resume-with-error");

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .output()
        .expect("resume-with-error starts")
}

#[test]
fn help_prints_the_usage_on_stdout_and_exits_0() {
    for flag in ["--help", "-h"] {
        let out = run(&["--seed", "3", flag]);
        assert_eq!(out.status.code(), Some(0), "{flag}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let usage = "usage: resume-with-error [--period SECONDS] [--seed N]\n";
        assert!(stdout.starts_with(usage), "{flag}: {stdout}");
        assert!(stdout.contains("\n  -h, --help "), "{flag}: {stdout}");
        assert!(out.stderr.is_empty(), "{flag}");
    }
}

#[test]
fn bad_input_gives_one_error_line_and_exit_code_2() {
    let bad: &[&[&str]] = &[
        &["--period", "0"],
        &["--period"],
        &["--seed", "x"],
        &["--speed", "2"],
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
