//! Exercise: a future that runs two futures at once, on one thread, and is
//! ready when both are.
//!
//! Write your answer in the block marked "starter", then test it with
//! `cargo test -p join-two -- --include-ignored`. The model answer is at the
//! end of this file, built only with `--features solution`.

// The starter code reads no field: only an answer does.
#![cfg_attr(not(feature = "solution"), allow(dead_code))]

use std::pin::Pin;
use std::task::{Context, Poll};

// ANCHOR: setup
/// Two futures polled side by side. Each output is kept here as soon as
/// its future is ready, until the other one is ready too.
pub struct Join<A: Future, B: Future> {
    a: A,
    b: B,
    a_output: Option<A::Output>,
    b_output: Option<B::Output>,
}

/// Runs `a` and `b` at once. Both must be `Unpin`, so that `poll` can reach
/// them through a plain `&mut`; to join a future that is not, pass
/// `pin!(future)` or `Box::pin(future)`, pointers that are.
pub fn join<A, B>(a: A, b: B) -> Join<A, B>
where
    A: Future + Unpin,
    B: Future + Unpin,
{
    Join {
        a,
        b,
        a_output: None,
        b_output: None,
    }
}

// `Join` never pins what it holds in place, so moving it is always fine.
impl<A: Future + Unpin, B: Future + Unpin> Unpin for Join<A, B> {}
// ANCHOR_END: setup

#[cfg(not(feature = "solution"))]
// ANCHOR: starter
impl<A, B> Future for Join<A, B>
where
    A: Future + Unpin,
    B: Future + Unpin,
{
    type Output = (A::Output, B::Output);

    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Self::Output> {
        // `self.get_mut()` gives a `&mut Join`, since `Join` is `Unpin`.
        // Never ready, and never polls `a` or `b`. Your code here.
        Poll::Pending
    }
}
// ANCHOR_END: starter

// The model answer follows. If you are still working on the exercise,
// stop here: the tests are in `tests/check.rs`.

#[cfg(feature = "solution")]
// ANCHOR: solution
impl<A, B> Future for Join<A, B>
where
    A: Future + Unpin,
    B: Future + Unpin,
{
    type Output = (A::Output, B::Output);

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        // Poll each future that has not finished yet, both in every poll:
        // a `Pending` from one must not keep the other from running. A
        // future that has finished is never polled again.
        if this.a_output.is_none()
            && let Poll::Ready(output) = Pin::new(&mut this.a).poll(cx)
        {
            this.a_output = Some(output);
        }
        if this.b_output.is_none()
            && let Poll::Ready(output) = Pin::new(&mut this.b).poll(cx)
        {
            this.b_output = Some(output);
        }
        match (this.a_output.take(), this.b_output.take()) {
            (Some(a), Some(b)) => Poll::Ready((a, b)),
            // Not both yet: keep what is there. The future that returned
            // `Pending` has arranged its own wake-up.
            (a, b) => {
                this.a_output = a;
                this.b_output = b;
                Poll::Pending
            }
        }
    }
}
// ANCHOR_END: solution
