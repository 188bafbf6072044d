//! The model answer: the future leaves its waker where the ticker finds it,
//! and the last tick wakes it.

use std::pin::Pin;
use std::task::{Context, Poll};

use crate::{ReadyAfter, Ticker};

// ANCHOR: tick
impl Ticker {
    /// Counts one tick, and wakes the waiting task with the last one.
    pub fn tick(&self) {
        let mut shared = self.shared.lock().unwrap();
        if shared.ticks_left == 0 {
            return; // done already: nothing new to report
        }
        shared.ticks_left -= 1;
        if shared.ticks_left == 0 {
            // Take the waker out and drop the lock first, so that the task,
            // woken, never waits for this thread to let go of it.
            let waker = shared.waker.take();
            drop(shared);
            if let Some(waker) = waker {
                waker.wake();
            }
        }
    }
}
// ANCHOR_END: tick

// ANCHOR: poll
impl Future for ReadyAfter {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut shared = self.shared.lock().unwrap();
        if shared.ticks_left == 0 {
            return Poll::Ready(());
        }
        // Leave this poll's waker for the last tick, replacing any older
        // one: the task may be polled with a new waker each time.
        shared.waker = Some(cx.waker().clone());
        Poll::Pending
    }
}
// ANCHOR_END: poll
