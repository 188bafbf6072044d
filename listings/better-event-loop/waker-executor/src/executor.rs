//! An executor for one task that sleeps until the task's waker is called.

// ANCHOR: block_on
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};

/// The waker of `block_on`'s task: it notes that the task was woken, and
/// unparks the thread that runs the executor.
struct ThreadWaker {
    executor: Thread,
    woken: AtomicBool,
}

impl Wake for ThreadWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.woken.store(true, Ordering::Release);
        self.executor.unpark();
    }
}

/// Runs `future` to the end on this thread. It polls the future once at the
/// start, and then only after its waker was called; between polls, the
/// thread sleeps.
pub fn block_on<F: Future>(future: F) -> F::Output {
    let task = Arc::new(ThreadWaker {
        executor: thread::current(),
        woken: AtomicBool::new(true), // the first poll needs no wake-up
    });
    let waker = Waker::from(Arc::clone(&task));
    let mut cx = Context::from_waker(&waker);
    let mut future = pin!(future);
    loop {
        // `park` may also return for no reason: sleep until truly woken.
        while !task.woken.swap(false, Ordering::Acquire) {
            thread::park();
        }
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
}
// ANCHOR_END: block_on

#[cfg(test)]
mod tests {
    use super::*;

    use std::future::poll_fn;
    use std::sync::mpsc;
    use std::time::Duration;

    use crate::channel;

    /// Runs `test` on a thread of its own and fails, rather than hangs, if
    /// it has not finished within a generous time.
    fn within_a_minute<T: Send + 'static>(
        test: impl FnOnce() -> T + Send + 'static,
    ) -> T {
        let (done, result) = mpsc::channel();
        thread::spawn(move || done.send(test()));
        result
            .recv_timeout(Duration::from_secs(60))
            .expect("block_on returned")
    }

    /// Counts every poll of `future` in `polls`.
    async fn counted<F: Future>(future: F, polls: &mut usize) -> F::Output {
        let mut future = pin!(future);
        poll_fn(|cx| {
            *polls += 1;
            future.as_mut().poll(cx)
        })
        .await
    }

    #[test]
    fn a_future_that_is_ready_at_once_is_polled_once() {
        let mut polls = 0;
        assert_eq!(block_on(counted(async { 42 }, &mut polls)), 42);
        assert_eq!(polls, 1);
    }

    #[test]
    fn a_future_that_wakes_itself_is_polled_again() {
        let mut polls = 0;
        let mut pending = 3;
        let wakes_itself = poll_fn(|cx| {
            if pending == 0 {
                return Poll::Ready("done");
            }
            pending -= 1;
            cx.waker().wake_by_ref();
            Poll::Pending
        });
        assert_eq!(block_on(counted(wakes_itself, &mut polls)), "done");
        assert_eq!(polls, 4);
    }

    #[test]
    fn every_item_is_handled_once_in_order_and_the_loop_ends_with_the_input() {
        let handled = within_a_minute(|| {
            let (sender, receiver) = channel();
            let input = thread::spawn(move || {
                for n in 0..10_000 {
                    sender.send(n);
                }
            });
            let handled = block_on(async {
                let mut handled = Vec::new();
                while let Some(n) = receiver.recv().await {
                    handled.push(n);
                }
                handled
            });
            input.join().unwrap();
            handled
        });
        assert_eq!(handled, (0..10_000).collect::<Vec<_>>());
    }

    /// Each send wakes the task at most once, and the end once more: the
    /// executor never polls without a reason, however the threads interleave.
    #[test]
    fn the_task_is_polled_only_when_woken() {
        const ITEMS: usize = 50;
        let (received, polls) = within_a_minute(|| {
            let (sender, receiver) = channel();
            let input = thread::spawn(move || {
                for n in 0..ITEMS {
                    thread::sleep(Duration::from_millis(1));
                    sender.send(n);
                }
            });
            let mut polls = 0;
            let task = async {
                let mut received = 0;
                while receiver.recv().await.is_some() {
                    received += 1;
                }
                received
            };
            let received = block_on(counted(task, &mut polls));
            input.join().unwrap();
            (received, polls)
        });
        assert_eq!(received, ITEMS);
        assert!((2..=ITEMS + 2).contains(&polls), "{polls} polls");
    }

    #[test]
    fn a_sender_dropped_before_the_first_poll_ends_the_task_at_once() {
        let (sender, receiver) = channel::<char>();
        drop(sender);
        let mut polls = 0;
        assert_eq!(block_on(counted(receiver.recv(), &mut polls)), None);
        assert_eq!(polls, 1);
    }
}
