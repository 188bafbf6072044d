//! Prints what the simulated keyboard reports, once per period.

// ANCHOR: main
use std::thread;

use user_input::{Args, UserInput};

const TURNS: u32 = 10;

fn main() {
    // `--period SECONDS` (default 1) and `--seed N` (default: random).
    let args = Args::from_env();
    let mut input = UserInput::new(args.period, args.seed);
    for turn in 1..=TURNS {
        match input.get_key() {
            Some(key) => println!("turn {turn:2}: {key}"),
            None => println!("turn {turn:2}: no key"),
        }
        // One read per period: the pace the keyboard was made for.
        thread::sleep(args.period);
    }
}
// ANCHOR_END: main
