//! The model answer: read the keyboard when a read is due; when no key is
//! down, leave a thread to wake the task at the next read.

use std::pin::Pin;
use std::task::{Context, Poll};
use std::thread;
use std::time::Instant;

use crate::{NextMove, step};

impl Future for NextMove<'_> {
    type Output = &'static str;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<&'static str> {
        // `NextMove` holds only a reference, so it is `Unpin`: the pin can
        // give back a plain `&mut`.
        let moves = &mut *self.get_mut().moves;
        let now = Instant::now();
        if now >= moves.next_read {
            let key = moves.input.get_key();
            moves.next_read = now + moves.input.period();
            if let Some(key) = key {
                return Poll::Ready(step(key));
            }
        }
        // No key yet, or too early to look: not a move, just "not yet". A
        // thread sleeps until the next read is due, then wakes the task.
        let waker = cx.waker().clone();
        let due = moves.next_read;
        thread::spawn(move || {
            thread::sleep(due.saturating_duration_since(Instant::now()));
            waker.wake();
        });
        Poll::Pending
    }
}
