//! What a reader sees when running the listing: whole runs. Its `--help`
//! and bad flags are tested once for every listing, in `book-tests`
//! (`tests/src/flags.rs`).

use std::time::{Duration, Instant};

const TOKIO_MOVE: &str = env!("CARGO_BIN_EXE_tokio-move");

/// A run's output, and how long it took.
fn run(seed: &str, period: &str) -> (String, Duration) {
    let start = Instant::now();
    // A run that no busy machine made late (see `run_on_time`).
    let out =
        user_input::run_on_time(TOKIO_MOVE, &["--seed", seed, "--period", period]);
    let took = start.elapsed();
    assert!(out.status.success(), "seed {seed}, --period {period}");
    assert!(out.stderr.is_empty(), "seed {seed}, --period {period}");
    (String::from_utf8(out.stdout).unwrap(), took)
}

/// The ticks fall half a period away from the keys, so the two futures'
/// lines interleave the same way at any pace (periods long enough that a
/// loaded machine's delays stay well under half of one); the timers keep
/// the real pace, ten periods in all; and the keyboard task's count, read through
/// its `JoinHandle`, is the number of moves.
#[test]
fn moves_and_ticks_interleave_the_same_way_at_any_pace() {
    for seed in ["1", "3"] {
        let (slow, took) = run(seed, "0.5");
        assert!(took >= Duration::from_secs(5), "seed {seed}: {took:?}");
        let fast = same_or_last(3, &slow, || run(seed, "0.4").0);
        assert_eq!(fast, slow, "seed {seed}");
        let lines: Vec<&str> = slow.lines().collect();
        let moves = lines.iter().filter(|l| l.starts_with("period ")).count();
        let ticks = lines
            .iter()
            .filter(|l| l.contains("tick in period"))
            .count();
        assert_eq!(ticks, 5, "seed {seed}: {slow}");
        assert_eq!(moves + ticks + 1, lines.len(), "seed {seed}: {slow}");
        let bye = format!("Bye! The keyboard sent {moves} keys.");
        assert_eq!(lines.last(), Some(&bye.as_str()), "seed {seed}: {slow}");
    }
}

/// Seed 3 presses in periods 1, 5, 8 and 9: the ticker's lines come
/// between the mover's, so two futures of one task took turns.
#[test]
fn seed_3_shows_the_ticker_between_the_moves() {
    let kinds = |out: &str| -> String {
        out.lines()
            .map(|line| match line {
                l if l.starts_with("period ") => 'm',
                l if l.contains("tick") => 't',
                _ => 'b',
            })
            .collect()
    };
    let out = same_or_last(3, "mttmtmtmtb", || kinds(&run("3", "0.4").0));
    assert_eq!(out, "mttmtmtmtb");
}

/// Runs `attempt` until it gives `expected`, `tries` times at most, and
/// returns the last result. The keyboard and the ticker each sleep a
/// period after their work, so a busy machine's delays add up over a run,
/// and once they reach half a period a key and a tick swap: such a run
/// says nothing about the code. A fault in the code fails every try.
fn same_or_last(tries: u32, expected: &str, attempt: impl Fn() -> String) -> String {
    let mut last = attempt();
    for _ in 1..tries {
        if last == expected {
            break;
        }
        last = attempt();
    }
    last
}
