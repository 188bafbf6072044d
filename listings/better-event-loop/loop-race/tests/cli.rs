//! What a reader sees when running the listing: a short race. Its `--help`
//! and bad flags are tested once for every listing, in `book-tests`
//! (`tests/src/flags.rs`).

use std::process::{Command, Output};

const LOOP_RACE: &str = env!("CARGO_BIN_EXE_loop-race");

fn run(args: &[&str]) -> Output {
    Command::new(LOOP_RACE)
        .args(args)
        .output()
        .expect("loop-race starts")
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
