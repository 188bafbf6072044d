//! Your answer: `NextMove`'s `poll`. It may read the keyboard only once
//! `moves.next_read` has come; when no key is down, it returns `Pending`
//! and arranges to be woken when the next read is due.

use std::pin::Pin;
use std::task::{Context, Poll};

use crate::NextMove;

impl Future for NextMove<'_> {
    type Output = &'static str;

    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<&'static str> {
        // `move-iterator`'s `next`, for comparison:
        //
        //     let key = self.input.get_key(); // an `Option<char>`
        //     Some(key.map_or("stay", step)) // "stay" when there is no key
        //
        // and its loop sleeps a period before it asks for the next move.
        // Never ready, and never asks to be polled again. Your code here.
        Poll::Pending
    }
}
