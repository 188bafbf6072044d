//! What replaces a generator's `close`: the loop drops the coroutine. Its
//! destructor is the last of its code to run.

use std::thread;

use user_input::{Args, UserInput};

struct CharacterMove {
    x: i32,
    y: i32,
}

impl CharacterMove {
    fn new() -> Self {
        CharacterMove { x: 0, y: 0 }
    }

    fn resume(&mut self, key: char) -> &'static str {
        let (step, dx, dy) = match key {
            '⟹' => ("right", 1, 0),
            '⟸' => ("left", -1, 0),
            '⇑' => ("up", 0, 1),
            '⇓' => ("down", 0, -1),
            _ => ("stay", 0, 0),
        };
        self.x += dx;
        self.y += dy;
        step
    }
}

// ANCHOR: cancel
/// Runs however the coroutine ends, cancelled or not: the place for its
/// clean-up.
impl Drop for CharacterMove {
    fn drop(&mut self) {
        println!("character: dropped at ({}, {})", self.x, self.y);
    }
}

fn main() {
    let args = Args::from_env();
    let mut input = UserInput::new(args.period, args.seed);
    let mut character = CharacterMove::new();
    let mut quiet_turns = 0;
    for turn in 1..=10 {
        match input.get_key() {
            Some(key) => {
                quiet_turns = 0;
                println!("turn {turn:2}: {key} → {}", character.resume(key));
            }
            None => {
                quiet_turns += 1;
                println!("turn {turn:2}: no key");
            }
        }
        if quiet_turns == 3 {
            println!("loop: three quiet turns, cancelling the character");
            // No call into the coroutine: it is dropped where it paused,
            // and the compiler refuses any later `character.resume(..)`.
            drop(character);
            return;
        }
        thread::sleep(args.period);
    }
    println!("loop: out of turns");
    // Not cancelled above: `character` is dropped here, at the end of main.
}
// ANCHOR_END: cancel
