//! Your answer: the ticker's `tick`, and the future's `poll`. Each half
//! reaches the state they share with `self.shared.lock().unwrap()`.

use std::pin::Pin;
use std::task::{Context, Poll};

use crate::{ReadyAfter, Ticker};

impl Ticker {
    /// Counts one tick. The tick that reaches zero must wake the task that
    /// waits, if one has polled. Does nothing yet. Your code here.
    pub fn tick(&self) {}
}

impl Future for ReadyAfter {
    type Output = ();

    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        // Never ready, and leaves no waker behind. Your code here.
        Poll::Pending
    }
}
