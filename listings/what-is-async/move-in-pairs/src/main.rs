//! A coroutine with two pause points: the character moves once per pair of
//! keys, and an enum records which of the two keys it is waiting for.

use std::thread;

use user_input::{Args, UserInput};

// ANCHOR: coroutine
/// Where the coroutine is paused. Each variant is one pause point, and
/// holds the variables that are still needed after it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Pause {
    /// Waiting for the first key of a pair: nothing to remember yet.
    First,
    /// Waiting for the second key; the first one is kept until then.
    Second { first: char },
}

/// The character, now moved by pairs of keys: the two arrows of a pair
/// add up, so ⟹ then ⇑ is one step up and to the right.
struct CharacterMove {
    x: i32,
    y: i32,
    pause: Pause,
}

impl CharacterMove {
    fn new() -> Self {
        CharacterMove {
            x: 0,
            y: 0,
            pause: Pause::First,
        }
    }

    /// Runs from the pause point recorded in `self.pause` to the next one,
    /// and records that one before it returns.
    fn resume(&mut self, key: char) -> String {
        match self.pause {
            Pause::First => {
                self.pause = Pause::Second { first: key };
                format!("keeps {key}")
            }
            Pause::Second { first } => {
                let (dx1, dy1) = arrow(first);
                let (dx2, dy2) = arrow(key);
                self.x += dx1 + dx2;
                self.y += dy1 + dy2;
                self.pause = Pause::First;
                format!("{first} + {key}, now at ({}, {})", self.x, self.y)
            }
        }
    }
}

/// How far one arrow moves the character; any other key moves it nowhere.
fn arrow(key: char) -> (i32, i32) {
    match key {
        '⟹' => (1, 0),
        '⟸' => (-1, 0),
        '⇑' => (0, 1),
        '⇓' => (0, -1),
        _ => (0, 0),
    }
}
// ANCHOR_END: coroutine

// ANCHOR: main
fn main() {
    let args = Args::from_env();
    let mut input = UserInput::new(args.period, args.seed);
    let mut character = CharacterMove::new();
    for turn in 1..=20 {
        if let Some(key) = input.get_key() {
            // The pause point the coroutine is about to resume from.
            let from = character.pause;
            let done = character.resume(key);
            println!("turn {turn:2}: {key} resumes {from:?} → {done}");
        }
        thread::sleep(args.period);
    }
}
// ANCHOR_END: main

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_key_of_a_pair_is_kept_and_the_second_moves() {
        let mut character = CharacterMove::new();
        assert_eq!(character.resume('⟹'), "keeps ⟹");
        assert_eq!(character.pause, Pause::Second { first: '⟹' });
        assert_eq!((character.x, character.y), (0, 0));
        assert_eq!(character.resume('⇑'), "⟹ + ⇑, now at (1, 1)");
        assert_eq!(character.pause, Pause::First);
    }

    #[test]
    fn the_two_pause_points_take_turns() {
        let mut character = CharacterMove::new();
        let mut pauses = Vec::new();
        for key in ['⇑', '⇑', '⟸', '⟹', '⇓'] {
            pauses.push(character.pause);
            character.resume(key);
        }
        let second = |first| Pause::Second { first };
        let expected = [
            Pause::First,
            second('⇑'),
            Pause::First,
            second('⟸'),
            Pause::First,
        ];
        assert_eq!(pauses, expected);
        // ⇑ + ⇑ is two up; ⟸ + ⟹ cancel out; ⇓ waits for its partner.
        assert_eq!((character.x, character.y), (0, 2));
        assert_eq!(character.pause, second('⇓'));
    }
}
