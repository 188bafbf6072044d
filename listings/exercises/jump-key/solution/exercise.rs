//! The model answer: the character records where it is paused.

use crate::JUMP;

// ANCHOR: pause
/// Where the coroutine is paused: one variant per place it can wait for a
/// key, as chapter 2 describes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Pause {
    /// Walking: the arrows move the character one cell.
    #[default]
    OnGround,
    /// One cell up after a jump: the next key brings it down.
    InAir,
}

/// The character, now with a record of where it paused.
#[derive(Debug, Default)]
pub struct CharacterMove {
    x: i32,
    y: i32,
    pause: Pause,
}
// ANCHOR_END: pause

// ANCHOR: resume
impl CharacterMove {
    pub fn new() -> Self {
        CharacterMove::default()
    }

    /// Where the character is: `(x, y)`, with `y` growing upwards.
    pub fn position(&self) -> (i32, i32) {
        (self.x, self.y)
    }

    /// Takes one key, moves, and says what it did.
    pub fn resume(&mut self, key: char) -> &'static str {
        match self.pause {
            Pause::OnGround if key == JUMP => {
                self.y += 1;
                self.pause = Pause::InAir;
                "jump"
            }
            Pause::OnGround => {
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
            // Whatever the key, the character comes down; left and right
            // also steer it one cell on the way.
            Pause::InAir => {
                self.y -= 1;
                self.pause = Pause::OnGround;
                match key {
                    '⟹' => {
                        self.x += 1;
                        "right and land"
                    }
                    '⟸' => {
                        self.x -= 1;
                        "left and land"
                    }
                    _ => "land",
                }
            }
        }
    }
}
// ANCHOR_END: resume
