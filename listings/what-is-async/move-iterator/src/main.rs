//! The character-move coroutine as a hand-written generator: an `Iterator`
//! that reads the keyboard and turns each key into a move.

// ANCHOR: all
use std::thread;

use user_input::{Args, UserInput};

/// A coroutine with an endless loop that reads a key and yields a move. Each
/// call to `next` runs that loop's body once, up to where it would pause.
/// There is only one place to pause, so the only state to keep between
/// calls is what the loop uses across the pause: the keyboard.
struct Moves<'a> {
    input: &'a mut UserInput,
}

impl Iterator for Moves<'_> {
    type Item = &'static str;

    fn next(&mut self) -> Option<&'static str> {
        let key = self.input.get_key();
        let step = match key {
            Some('⟹') => "right",
            Some('⟸') => "left",
            Some('⇑') => "up",
            Some('⇓') => "down",
            _ => "stay",
        };
        // Never `None`: the generator's loop never ends.
        Some(step)
    }
}

fn main() {
    let args = Args::from_env();
    let mut input = UserInput::new(args.period, args.seed);
    let moves = Moves { input: &mut input };
    // `zip` ends with the range: the generator is asked for ten moves.
    for (turn, step) in (1..=10).zip(moves) {
        println!("turn {turn:2}: {step}");
        thread::sleep(args.period);
    }
}
// ANCHOR_END: all
