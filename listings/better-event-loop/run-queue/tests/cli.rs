//! Whole runs of the listing: the order of wake-ups and polls. Its `--help`
//! and bad flags are tested once for every listing, in `book-tests`
//! (`tests/src/flags.rs`).

use std::collections::BTreeMap;
use std::process::Command;

const RUN_QUEUE: &str = env!("CARGO_BIN_EXE_run-queue");

fn run(tick: &str) -> String {
    let out = Command::new(RUN_QUEUE)
        .args(["--tick", tick])
        .output()
        .expect("run-queue starts");
    assert!(out.status.success(), "--tick {tick}");
    assert!(out.stderr.is_empty(), "--tick {tick}");
    String::from_utf8(out.stdout).unwrap()
}

/// The names in the lines that start with `prefix`, such as `  poll `.
fn names<'a>(output: &'a str, prefix: &str) -> Vec<&'a str> {
    output
        .lines()
        .filter_map(|line| line.strip_prefix(prefix))
        .collect()
}

/// The clock is virtual: the order of events does not depend on the pace,
/// nor on how late the thread wakes.
#[test]
fn the_output_is_the_same_at_any_pace() {
    assert_eq!(run("0.001"), run("0.02"));
}

/// After the first round, where each task is polled once, the three tasks
/// take turns on the one thread, in the order their timers fall due.
#[test]
fn the_tasks_interleave_in_the_order_their_timers_fire() {
    let output = run("0.001");
    let (start, rest) = output.split_once("tick 2\n").unwrap();
    assert_eq!(names(start, "  poll "), ["a", "b", "ticker"]);
    assert_eq!(
        names(rest, "  poll "),
        ["a", "b", "a", "ticker", "b", "a", "ticker"]
    );
}

/// Every poll after the first round follows a wake-up of the same task that
/// no earlier poll used up: no task is polled for nothing.
#[test]
fn a_task_is_polled_only_after_its_waker_was_called() {
    let output = run("0.001");
    let (_, rest) = output.split_once("tick 2\n").unwrap();
    let mut woken: BTreeMap<&str, usize> = BTreeMap::new();
    for line in rest.lines() {
        if let Some(name) = line.strip_prefix("  wake ") {
            *woken.entry(name).or_default() += 1;
        } else if let Some(name) = line.strip_prefix("  poll ") {
            let wakes = woken.entry(name).or_default();
            assert!(*wakes > 0, "{name} was polled without a wake-up:\n{output}");
            *wakes = 0; // one poll serves every wake-up before it
        }
    }
}

/// The last lines count each task's polls and wake-ups: one poll to start,
/// then one per wake-up.
#[test]
fn each_task_is_polled_once_to_start_and_once_per_wake_up() {
    let output = run("0.001");
    let counts = names(&output, "")
        .into_iter()
        .filter(|l| l.contains(": polled "));
    let mut tasks = 0;
    for line in counts {
        let words: Vec<&str> = line.split(' ').collect();
        let (polls, wakes): (usize, usize) =
            (words[2].parse().unwrap(), words[5].parse().unwrap());
        assert_eq!(polls, wakes + 1, "{line}");
        tasks += 1;
    }
    assert_eq!(tasks, 3, "{output}");
}
