//! The character-move coroutine as a state machine that the loop resumes
//! with a key, and only when there is one.

// ANCHOR: all
use std::thread;

use user_input::{Args, UserInput};

/// The character, as a coroutine that receives keys. Its fields are the
/// variables the coroutine keeps alive while it is paused.
struct CharacterMove {
    x: i32,
    y: i32,
}

impl CharacterMove {
    /// Ready at once: it starts paused where it waits for a key.
    fn new() -> Self {
        CharacterMove { x: 0, y: 0 }
    }

    /// Resumes the coroutine: the key goes in, the coroutine runs one step,
    /// the move comes out, and it stays paused until the next call.
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

fn main() {
    let args = Args::from_env();
    let mut input = UserInput::new(args.period, args.seed);
    let mut character = CharacterMove::new();
    for turn in 1..=10 {
        // The loop owns the keyboard and reads it once per turn...
        match input.get_key() {
            // ...and wakes the coroutine only when a key came in.
            Some(key) => {
                let step = character.resume(key);
                let (x, y) = (character.x, character.y);
                println!("turn {turn:2}: {key} → {step}, now at ({x}, {y})");
            }
            None => println!("turn {turn:2}: no key"),
        }
        thread::sleep(args.period);
    }
}
// ANCHOR_END: all
