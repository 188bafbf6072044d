//! Whole runs of the listing, on the real clock and the paused one. Its
//! `--help` and bad flags are tested for every listing in `book-tests`.

use std::process::Command;
use std::time::{Duration, Instant};

const PROGRAM: &str = env!("CARGO_BIN_EXE_outlives-parent");

/// The lines of a run with `--clock clock`, and how long it took.
fn run(clock: &str) -> (Vec<String>, Duration) {
    let start = Instant::now();
    let out = Command::new(PROGRAM)
        .args(["--clock", clock])
        .output()
        .expect("the listing runs");
    let took = start.elapsed();
    assert!(out.status.success(), "--clock {clock}");
    assert!(out.stderr.is_empty(), "--clock {clock}");
    let text = String::from_utf8(out.stdout).unwrap();
    (text.lines().map(String::from).collect(), took)
}

/// With bare `spawn`, two ticks and the child's end come after the parent
/// returned; with a `JoinSet`, no tick does, and the child is dropped
/// unfinished. The real clock, whose run lasts at least 3 seconds, gives
/// the same lines in the same order as the paused one.
#[test]
fn only_the_spawned_child_outlives_its_parent() {
    let (paused, _) = run("paused");
    let (real, took) = run("real");
    assert_eq!(real, paused);
    assert!(took >= Duration::from_secs(3), "{took:?}");

    let set = paused
        .iter()
        .position(|l| l == "-- with a JoinSet --")
        .unwrap();
    let (spawned, scoped) = paused.split_at(set);
    let after_return = |part: &[String]| {
        let returned = part.iter().position(|l| l.starts_with("parent: returns"));
        part[returned.unwrap() + 1..].to_vec()
    };
    let late = after_return(spawned);
    let late_ticks = late.iter().filter(|l| l.contains("child: tick")).count();
    assert_eq!(late_ticks, 2, "{late:?}");
    assert!(late.contains(&"  child: done".to_string()), "{late:?}");

    let late = after_return(scoped);
    assert!(!late.iter().any(|l| l.contains("child: tick")), "{late:?}");
    assert!(late.contains(&"  child: dropped before its end".to_string()));
}
