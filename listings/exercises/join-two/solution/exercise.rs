//! The model answer: poll what has not finished, and hand over both
//! outputs together.

use std::pin::Pin;
use std::task::{Context, Poll};

use crate::Join;

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
            // `Pending` has arranged its own wake-up, so the join returns
            // `Pending` without calling the waker.
            (a, b) => {
                this.a_output = a;
                this.b_output = b;
                Poll::Pending
            }
        }
    }
}
