//! What a reader sees when running the listing: bad flags, and a short race.

use std::process::{Command, Output};

const LOOP_RACE: &str = env!("CARGO_BIN_EXE_loop-race");

fn run(args: &[&str]) -> Output {
    Command::new(LOOP_RACE)
        .args(args)
        .output()
        .expect("loop-race starts")
}

#[test]
fn help_prints_the_usage_on_stdout_and_exits_0() {
    for flag in ["--help", "-h"] {
        let out = run(&[flag]);
        assert_eq!(out.status.code(), Some(0), "{flag}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let usage = "usage: loop-race [--seed N] [--events N] [--gap SECONDS] [--poll-period SECONDS]\n";
        assert!(stdout.starts_with(usage), "{flag}: {stdout}");
        assert!(stdout.contains("\n  -h, --help "), "{flag}: {stdout}");
        assert!(out.stderr.is_empty(), "{flag}");
    }
}

#[test]
fn bad_input_gives_one_error_line_and_exit_code_2() {
    let bad: &[&[&str]] = &[
        &["--seed", "x"],
        &["--seed"],
        &["--events", "0"],
        &["--events", "-5"],
        &["--gap", "0"],
        &["--gap", "soon"],
        &["--poll-period", "-0.1"],
        &["--poll-period", "3600"],
        &["--period", "0.1"],
        &["--seed", "3", "extra"],
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

/// The events received and lost by the loop whose figures start at `title`.
fn received_and_lost(stdout: &str, title: &str) -> (usize, usize) {
    let mut lines = stdout.lines().skip_while(|line| !line.starts_with(title));
    let line = lines
        .nth(1)
        .unwrap_or_else(|| panic!("no {title}: {stdout}"));
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|word| word.parse().ok())
        .collect();
    assert!(line.starts_with("  events received: "), "{line}");
    (numbers[0], numbers[1])
}

/// Thirty presses about 3 ms apart, against a loop that looks every 50 ms:
/// the polling loop cannot see them all, and the waker loop sees every one.
#[test]
fn a_fast_input_costs_the_polling_loop_events_and_the_waker_loop_none() {
    let out = run(&[
        "--seed",
        "1",
        "--events",
        "30",
        "--gap",
        "0.003",
        "--poll-period",
        "0.05",
    ]);
    assert!(out.status.success());
    assert!(out.stderr.is_empty());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let (received, lost) = received_and_lost(&stdout, "polling loop");
    assert_eq!(received + lost, 30, "{stdout}");
    assert!(lost > 0, "{stdout}");
    assert_eq!(
        received_and_lost(&stdout, "waker loop"),
        (30, 0),
        "{stdout}"
    );
    assert!(stdout.contains("polling loop / waker loop:"), "{stdout}");
}
