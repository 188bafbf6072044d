//! Exercise: give the character of Listing 2-5 a jump key.
//!
//! Write your answer in the blocks marked "starter", then test it with
//! `cargo test -p jump-key -- --include-ignored`. The model answer is at the
//! end of this file, built only with `--features solution`.

// ANCHOR: setup
/// The new key, the space bar: it makes the character jump.
pub const JUMP: char = ' ';
// ANCHOR_END: setup

#[cfg(not(feature = "solution"))]
// ANCHOR: starter
/// The character of Listing 2-5: a coroutine that receives keys.
#[derive(Debug, Default)]
pub struct CharacterMove {
    x: i32,
    y: i32,
}
// ANCHOR_END: starter

#[cfg(not(feature = "solution"))]
// ANCHOR: starter_impl
impl CharacterMove {
    pub fn new() -> Self {
        CharacterMove::default()
    }

    /// Where the character is: `(x, y)`, with `y` growing upwards.
    pub fn position(&self) -> (i32, i32) {
        (self.x, self.y)
    }

    /// Takes one key, moves, and says what it did. It knows only the four
    /// arrows: any other key, the jump key too, makes it stay.
    pub fn resume(&mut self, key: char) -> &'static str {
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
// ANCHOR_END: starter_impl

// The model answer follows. If you are still working on the exercise,
// stop here: the tests are in `tests/check.rs`.

#[cfg(feature = "solution")]
// ANCHOR: solution
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
// ANCHOR_END: solution

#[cfg(feature = "solution")]
// ANCHOR: solution_struct
/// The character, now with a record of where it paused.
#[derive(Debug, Default)]
pub struct CharacterMove {
    x: i32,
    y: i32,
    pause: Pause,
}
// ANCHOR_END: solution_struct

#[cfg(feature = "solution")]
// ANCHOR: solution_impl
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
// ANCHOR_END: solution_impl
