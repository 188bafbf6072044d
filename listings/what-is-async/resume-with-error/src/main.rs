//! What replaces a generator's `throw`: the loop resumes the coroutine with
//! an error value, and the coroutine's own code decides what to do with it.

use std::thread;

use user_input::{Args, UserInput};

// ANCHOR: all
/// The error the loop reports: the keyboard has been quiet for too long.
#[derive(Debug)]
struct Idle;

struct CharacterMove {
    x: i32,
    y: i32,
}

impl CharacterMove {
    fn new() -> Self {
        CharacterMove { x: 0, y: 0 }
    }

    /// Resumed with a key, or with the error that the loop reports.
    fn resume(&mut self, input: Result<char, Idle>) -> &'static str {
        let (step, dx, dy) = match input {
            Ok('⟹') => ("right", 1, 0),
            Ok('⟸') => ("left", -1, 0),
            Ok('⇑') => ("up", 0, 1),
            Ok('⇓') => ("down", 0, -1),
            Ok(_) => ("stay", 0, 0),
            // This coroutine handles the error at the pause where it
            // receives it: it walks home and goes on.
            Err(Idle) => ("home", -self.x, -self.y),
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
    let mut quiet_turns = 0;
    for turn in 1..=10 {
        let key = input.get_key();
        quiet_turns = if key.is_some() { 0 } else { quiet_turns + 1 };
        let event = match key {
            Some(key) => Some(Ok(key)),
            // Three quiet turns in a row: the coroutine should hear of it.
            None if quiet_turns == 3 => Some(Err(Idle)),
            None => None,
        };
        match event {
            Some(event) => {
                let shown = format!("{event:?}");
                let step = character.resume(event);
                let (x, y) = (character.x, character.y);
                println!("turn {turn:2}: {shown} → {step}, now at ({x}, {y})");
            }
            None => println!("turn {turn:2}: no key"),
        }
        thread::sleep(args.period);
    }
}
// ANCHOR_END: all
