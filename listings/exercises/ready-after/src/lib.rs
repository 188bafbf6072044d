//! Exercise: a leaf future that is ready after a given number of polls.
//!
//! Write your answer in the block marked "starter", then test it with
//! `cargo test -p ready-after -- --include-ignored`. The model answer is at
//! the end of this file, built only with `--features solution`.

// The starter code reads no field: only an answer does.
#![cfg_attr(not(feature = "solution"), allow(dead_code))]

use std::pin::Pin;
use std::task::{Context, Poll};

// ANCHOR: setup
/// A leaf future that answers `Pending` to its first `n` polls and
/// `Ready(())` to the next one.
pub struct ReadyAfter {
    /// How many more polls must answer `Pending`.
    pending_left: u32,
}

impl ReadyAfter {
    pub fn new(n: u32) -> Self {
        ReadyAfter { pending_left: n }
    }
}
// ANCHOR_END: setup

#[cfg(not(feature = "solution"))]
// ANCHOR: starter
impl Future for ReadyAfter {
    type Output = ();

    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        // Never ready, and never asks to be polled again. Your code here.
        Poll::Pending
    }
}
// ANCHOR_END: starter

// The model answer follows. If you are still working on the exercise,
// stop here: the tests are in `tests/check.rs`.

#[cfg(feature = "solution")]
// ANCHOR: solution
impl Future for ReadyAfter {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.pending_left == 0 {
            return Poll::Ready(());
        }
        self.pending_left -= 1;
        // `Pending` promises a wake-up, and nothing else will send one: ask
        // for the next poll now.
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
// ANCHOR_END: solution
