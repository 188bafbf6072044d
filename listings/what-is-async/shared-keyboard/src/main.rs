//! Does not compile: the loop wants to read the keyboard too, but the
//! generator holds the only `&mut` to it.

use std::thread;

use user_input::{Args, UserInput};

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
        Some(step)
    }
}

// ANCHOR: main
fn main() {
    let args = Args::from_env();
    let mut input = UserInput::new(args.period, args.seed);
    let moves = Moves { input: &mut input };
    for (turn, step) in (1..=10).zip(moves) {
        // The loop would like to print the key as well...
        let key = input.get_key();
        println!("turn {turn:2}: {key:?} → {step}");
        thread::sleep(args.period);
    }
}
// ANCHOR_END: main
