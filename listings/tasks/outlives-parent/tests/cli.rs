//! Whole runs of the listing, on the real clock and the paused one. Its
//! `--help` and bad flags are tested for every listing in `book-tests`.

use std::time::{Duration, Instant};

const PROGRAM: &str = env!("CARGO_BIN_EXE_outlives-parent");

/// The lines of a run with `--clock clock`, and how long it took.
fn run(clock: &str) -> (Vec<String>, Duration) {
    let start = Instant::now();
    let lines = user_input::quiet_run_lines(PROGRAM, &["--clock", clock]);
    (lines, start.elapsed())
}

/// The lines after the first parent's `parent: returns`, and after the
/// second's.
fn after_each_return(lines: &[String]) -> (Vec<String>, Vec<String>) {
    let set = lines
        .iter()
        .position(|l| l == "-- with a JoinSet --")
        .expect("a JoinSet half");
    let (spawned, scoped) = lines.split_at(set);
    let after_return = |part: &[String]| {
        let returned = part.iter().position(|l| l.starts_with("parent: returns"));
        part[returned.expect("the parent returns") + 1..].to_vec()
    };
    (after_return(spawned), after_return(scoped))
}

/// On the paused clock, whose order is exact: with bare `spawn`, two ticks
/// and the child's end come after the parent returned; with a `JoinSet`,
/// no tick does, and the child is dropped unfinished.
#[test]
fn only_the_spawned_child_outlives_its_parent() {
    let (lines, _) = run("paused");
    let (spawned, scoped) = after_each_return(&lines);
    let ticks = spawned.iter().filter(|l| l.contains("child: tick")).count();
    assert_eq!(ticks, 2, "{spawned:?}");
    assert!(
        spawned.contains(&"  child: done".to_string()),
        "{spawned:?}"
    );
    assert!(
        !scoped.iter().any(|l| l.contains("child: tick")),
        "{scoped:?}"
    );
    assert!(scoped.contains(&"  child: dropped before its end".to_string()));
}

/// On the real clock, the run lasts at least 3 seconds, and only what
/// holds when a loaded machine fires timers late is checked: the spawned
/// child's last tick and end come after its parent returned (however late)
/// and before `main`'s next line (550 ms later, on an idle machine); the
/// child in the set never ticks after its parent returned (an aborted task
/// is never polled again), and is dropped.
#[test]
fn on_the_real_clock_too() {
    let (lines, took) = run("real");
    assert!(took >= Duration::from_secs(3), "{took:?}");
    let (spawned, scoped) = after_each_return(&lines);
    assert!(
        spawned.contains(&"  child: tick 4".to_string()),
        "{lines:?}"
    );
    assert!(spawned.contains(&"  child: done".to_string()), "{lines:?}");
    assert!(
        !scoped.iter().any(|l| l.contains("child: tick")),
        "{lines:?}"
    );
    assert!(scoped.contains(&"  child: dropped before its end".to_string()));
}
