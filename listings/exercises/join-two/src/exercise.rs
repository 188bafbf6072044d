//! Your answer: a `poll` for `Join`, which follows the three rules on the
//! exercise page.

use std::pin::Pin;
use std::task::{Context, Poll};

use crate::Join;

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
