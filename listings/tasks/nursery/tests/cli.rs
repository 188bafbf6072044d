//! Whole runs of the listing, on the real clock and the paused one. Its
//! `--help` and bad flags are tested for every listing in `book-tests`.

use std::process::Command;
use std::time::{Duration, Instant};

const PROGRAM: &str = env!("CARGO_BIN_EXE_nursery");

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

/// The parent gets the jobs in the order it spawned them when it awaits
/// their handles in turn, and in the order they finish from `join_next`
/// and `join_all`. The real clock, whose run lasts at least 1.8 seconds
/// (three parts of 600 ms), gives the same lines as the paused one.
#[test]
fn handles_give_spawn_order_and_the_set_gives_finish_order() {
    let (paused, _) = run("paused");
    let (real, took) = run("real");
    assert_eq!(real, paused);
    assert!(took >= Duration::from_millis(1800), "{took:?}");

    let got: Vec<&str> = paused
        .iter()
        .filter_map(|l| l.strip_prefix("parent: got "))
        .collect();
    let spawned = ["slow", "quick", "medium"];
    let finished = ["quick", "medium", "slow"];
    assert_eq!(got[..3], spawned);
    assert_eq!(got[3..6], finished);
    assert_eq!(got[6], format!("{finished:?}"));
}
