//! Exercise: the character-move coroutine of Listing 2-3, an `Iterator`,
//! turned into a future that is polled.
//!
//! Write your answer in the block marked "starter", then test it with
//! `cargo test -p moves-future -- --include-ignored`. The model answer is at
//! the end of this file, built only with `--features solution`.

// The starter code reads no field: only an answer does.
#![cfg_attr(not(feature = "solution"), allow(dead_code))]

use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Instant;

use user_input::UserInput;

// ANCHOR: setup
/// What Listing 2-3's `Moves` kept between two calls to `next`: the
/// keyboard, and the time of its next read.
pub struct Moves {
    input: UserInput,
    time: Instant,
}

impl Moves {
    pub fn new(input: UserInput) -> Self {
        Moves {
            input,
            time: Instant::now(),
        }
    }

    /// A future for the next move: it is ready once a key is down.
    pub fn next_move(&mut self) -> NextMove<'_> {
        NextMove { moves: self }
    }
}

/// Waits for one key. Each poll reads one period of the keyboard.
pub struct NextMove<'a> {
    moves: &'a mut Moves,
}

/// The move a key asks for.
pub fn step(key: char) -> &'static str {
    match key {
        '⟹' => "right",
        '⟸' => "left",
        '⇑' => "up",
        '⇓' => "down",
        _ => "stay",
    }
}

/// Your code, as chapter 3 writes it: `count` moves, awaited one by one.
pub async fn collect_moves(moves: &mut Moves, count: usize) -> Vec<&'static str> {
    let mut steps = Vec::new();
    for _ in 0..count {
        steps.push(moves.next_move().await);
    }
    steps
}
// ANCHOR_END: setup

#[cfg(not(feature = "solution"))]
// ANCHOR: starter
impl Future for NextMove<'_> {
    type Output = &'static str;

    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<&'static str> {
        // Listing 2-3's `next`, for comparison:
        //
        //     let key = self.input.get_key();
        //     self.time += self.input.period();
        //     Some(step(key)) // "stay" when there is no key
        //
        // Never ready, and never asks to be polled again. Your code here.
        Poll::Pending
    }
}
// ANCHOR_END: starter

// The model answer follows. If you are still working on the exercise,
// stop here: the tests are in `tests/check.rs`.

#[cfg(feature = "solution")]
// ANCHOR: solution
impl Future for NextMove<'_> {
    type Output = &'static str;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<&'static str> {
        // `NextMove` holds only a reference, so it is `Unpin`: the pin can
        // give back a plain `&mut`.
        let moves = &mut *self.get_mut().moves;
        let key = moves.input.get_key();
        moves.time += moves.input.period();
        match key {
            Some(key) => Poll::Ready(step(key)),
            // No key in this period: not a move to report, just "not yet".
            None => {
                // Nothing else will wake us: the next period may bring a
                // key, so ask for another poll.
                cx.waker().wake_by_ref();
                Poll::Pending
            }
        }
    }
}
// ANCHOR_END: solution
