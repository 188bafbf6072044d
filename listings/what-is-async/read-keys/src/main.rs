//! Prints what the simulated keyboard reports, once per period.

// ANCHOR: main
use std::thread;
use std::time::Instant;

use user_input::{Args, UserInput};

const TURNS: u32 = 10;

fn main() {
    // `--period SECONDS` (default 1) and `--seed N` (default: random).
    let args = Args::from_env();
    let mut input = UserInput::new(args.period, args.seed);
    // The loop's own clock, one period later at each turn. Asking for the
    // key at this time, not at the current one, a turn that a busy machine
    // wakes up late still reads the period it was meant for.
    let mut time = Instant::now();
    for turn in 1..=TURNS {
        match input.get_key_at(time) {
            Some(key) => println!("turn {turn:2}: {key}"),
            None => println!("turn {turn:2}: no key"),
        }
        // One read per period: the pace the keyboard was made for.
        thread::sleep(args.period);
        time += args.period;
    }
}
// ANCHOR_END: main
