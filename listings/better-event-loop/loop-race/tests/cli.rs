//! What a reader sees when running the listing's two races. Their `--help`
//! and bad flags are tested once for every listing, in `book-tests`
//! (`tests/src/flags.rs`). Timings are compared as ratios, with wide
//! margins, so that a busy machine does not fail them.

use std::process::Command;

const LOOP_RACE: &str = env!("CARGO_BIN_EXE_loop-race");
const BUFFER_RACE: &str = env!("CARGO_BIN_EXE_buffer-race");

/// Runs `bin` with `args`, and returns what it printed, which must be all
/// on stdout.
fn run(bin: &str, args: &[&str]) -> String {
    let out = Command::new(bin)
        .args(args)
        .output()
        .expect("the race starts");
    assert!(out.status.success(), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// The figures printed under the title that starts with `title`.
#[derive(Debug)]
struct Printed {
    received: usize,
    lost: usize,
    /// Mean and median latency, in ms.
    mean: f64,
    median: f64,
    wakeups: usize,
    idle: usize,
}

fn numbers(line: &str) -> Vec<f64> {
    line.split(|c: char| !c.is_ascii_digit() && c != '.')
        .filter_map(|word| word.parse().ok())
        .collect()
}

fn figures(stdout: &str, title: &str) -> Printed {
    let mut lines = stdout.lines().skip_while(|line| !line.starts_with(title));
    let mut next = |start: &str| {
        let line = lines
            .find(|line| line.starts_with(start))
            .unwrap_or_else(|| panic!("no {start:?} after {title:?}: {stdout}"));
        numbers(line)
    };
    let events = next("  events received: ");
    let latency = next("  reaction latency: mean ");
    let wakeups = next("  wake-ups: ");
    Printed {
        received: events[0] as usize,
        lost: events[1] as usize,
        mean: latency[0],
        median: latency[1],
        wakeups: wakeups[0] as usize,
        idle: wakeups[1] as usize,
    }
}

/// Forty presses about 20 ms apart, against a loop that looks every 100 ms.
const FAST: [&str; 8] = [
    "--seed",
    "1",
    "--events",
    "40",
    "--gap",
    "0.02",
    "--poll-period",
    "0.1",
];

#[test]
fn on_the_same_queue_neither_loop_loses_and_the_polling_loop_is_late() {
    let stdout = run(LOOP_RACE, &FAST);
    let polling = figures(&stdout, "polling loop");
    let waker = figures(&stdout, "waker loop");
    assert_eq!((polling.received, polling.lost), (40, 0), "{stdout}");
    assert_eq!((waker.received, waker.lost), (40, 0), "{stdout}");
    // A press waits for the next look: half a period on average, 50 ms.
    // The margins allow for a machine busy enough to make looks late (a
    // loaded one made them 1.6 periods late on average once).
    let in_periods = polling.mean / 100.0;
    assert!((0.25..=3.0).contains(&in_periods), "{stdout}");
    // The waker loop reacts as soon as the operating system runs it.
    assert!(polling.median > 5.0 * waker.median, "{stdout}");
    // Presses come faster than the looks, so each look takes several.
    assert!(polling.wakeups < waker.wakeups, "{stdout}");
    assert!(stdout.contains("polling loop / waker loop:"), "{stdout}");
}

/// Eight presses about 100 ms apart, against a loop that looks every 20 ms.
#[test]
fn with_slow_input_the_polling_loop_wakes_mostly_for_nothing() {
    let stdout = run(
        LOOP_RACE,
        &[
            "--seed",
            "1",
            "--events",
            "8",
            "--gap",
            "0.1",
            "--poll-period",
            "0.02",
        ],
    );
    let polling = figures(&stdout, "polling loop");
    let waker = figures(&stdout, "waker loop");
    assert_eq!((polling.lost, waker.lost), (0, 0), "{stdout}");
    assert!(2 * polling.idle > polling.wakeups, "{stdout}");
    assert!(polling.idle > 3 * waker.idle.max(1), "{stdout}");
}

/// The same polling loop on a slot loses presses that come faster than it
/// looks, and on a queue it loses none.
#[test]
fn a_slot_loses_presses_and_a_queue_keeps_them() {
    let fast = [
        "--seed",
        "1",
        "--events",
        "30",
        "--gap",
        "0.003",
        "--poll-period",
        "0.05",
    ];
    let stdout = run(BUFFER_RACE, &fast);
    let slot = figures(&stdout, "one slot");
    let queue = figures(&stdout, "a queue");
    assert_eq!(slot.received + slot.lost, 30, "{stdout}");
    assert!(slot.lost > 0, "{stdout}");
    assert_eq!((queue.received, queue.lost), (30, 0), "{stdout}");
}
