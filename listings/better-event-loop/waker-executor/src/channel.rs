//! A channel whose receiving end can be awaited.

// ANCHOR: channel
use std::pin::Pin;
use std::sync::mpsc::{self, TryRecvError};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

/// Where the waiting task leaves its waker for the sender to find.
/// Nothing panics while holding the lock, so `lock` never fails.
type WakerSlot = Arc<Mutex<Option<Waker>>>;

/// A channel from one thread to one task: `std`'s channel carries the items,
/// and the sender wakes the task after each one.
pub fn channel<T>() -> (Sender<T>, Receiver<T>) {
    let (tx, rx) = mpsc::channel();
    let waker = WakerSlot::default();
    let sender = Sender {
        tx: Some(tx),
        waker: Arc::clone(&waker),
    };
    (sender, Receiver { rx, waker })
}

pub struct Sender<T> {
    // An `Option` only so that `drop` can close the channel before it wakes
    // the task for the last time.
    tx: Option<mpsc::Sender<T>>,
    waker: WakerSlot,
}

impl<T> Sender<T> {
    /// Sends `item`, then wakes the task that waits for it, if one does.
    pub fn send(&self, item: T) {
        if let Some(tx) = &self.tx {
            // An error means the receiver is gone, and with it all interest.
            let _ = tx.send(item);
        }
        self.wake();
    }

    fn wake(&self) {
        // Take the waker out, so that it runs with the lock released.
        let waker = self.waker.lock().unwrap().take();
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

impl<T> Drop for Sender<T> {
    /// Closes the channel, then wakes the task so that it sees the end.
    fn drop(&mut self) {
        drop(self.tx.take());
        self.wake();
    }
}

pub struct Receiver<T> {
    rx: mpsc::Receiver<T>,
    waker: WakerSlot,
}

impl<T> Receiver<T> {
    /// The next item; `None` once the sender is gone and the channel empty.
    pub fn recv(&self) -> Recv<'_, T> {
        Recv { receiver: self }
    }
}

/// The leaf future: `Pending` until there is an item, or an end, to return.
pub struct Recv<'a, T> {
    receiver: &'a Receiver<T>,
}

impl<T> Future for Recv<'_, T> {
    type Output = Option<T>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        let Receiver { rx, waker } = self.receiver;
        // Register first, look second: an item sent in between finds the
        // waker, so it cannot slip past unseen.
        *waker.lock().unwrap() = Some(cx.waker().clone());
        match rx.try_recv() {
            Ok(item) => Poll::Ready(Some(item)),
            Err(TryRecvError::Disconnected) => Poll::Ready(None),
            Err(TryRecvError::Empty) => Poll::Pending,
        }
    }
}
// ANCHOR_END: channel

#[cfg(test)]
mod tests {
    use super::*;

    use std::pin::pin;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::task::Wake;

    /// A waker that counts its calls.
    #[derive(Default)]
    struct Count(AtomicUsize);

    impl Wake for Count {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    fn counting_waker() -> (Arc<Count>, Waker) {
        let count = Arc::new(Count::default());
        (Arc::clone(&count), Waker::from(count))
    }

    #[test]
    fn an_empty_channel_is_pending_and_a_send_wakes_the_task() {
        let (sender, receiver) = channel();
        let (count, waker) = counting_waker();
        let mut cx = Context::from_waker(&waker);
        let mut recv = pin!(receiver.recv());
        assert_eq!(recv.as_mut().poll(&mut cx), Poll::Pending);
        assert_eq!(count.0.load(Ordering::SeqCst), 0);
        sender.send('⇑');
        assert_eq!(count.0.load(Ordering::SeqCst), 1);
        assert_eq!(recv.as_mut().poll(&mut cx), Poll::Ready(Some('⇑')));
    }

    #[test]
    fn a_send_with_no_task_waiting_wakes_nobody_and_keeps_the_item() {
        let (sender, receiver) = channel();
        sender.send(1);
        sender.send(2);
        let (count, waker) = counting_waker();
        let mut cx = Context::from_waker(&waker);
        assert_eq!(pin!(receiver.recv()).poll(&mut cx), Poll::Ready(Some(1)));
        assert_eq!(pin!(receiver.recv()).poll(&mut cx), Poll::Ready(Some(2)));
        assert_eq!(count.0.load(Ordering::SeqCst), 0);
    }

    #[test]
    fn dropping_the_sender_wakes_the_task_and_ends_the_stream_after_the_items() {
        let (sender, receiver) = channel();
        let (count, waker) = counting_waker();
        let mut cx = Context::from_waker(&waker);
        sender.send('⟸');
        assert_eq!(pin!(receiver.recv()).poll(&mut cx), Poll::Ready(Some('⟸')));
        let mut recv = pin!(receiver.recv());
        assert_eq!(recv.as_mut().poll(&mut cx), Poll::Pending);
        drop(sender);
        assert_eq!(count.0.load(Ordering::SeqCst), 1, "the drop woke the task");
        assert_eq!(recv.as_mut().poll(&mut cx), Poll::Ready(None));
    }

    #[test]
    fn sending_to_a_dropped_receiver_is_harmless() {
        let (sender, receiver) = channel();
        drop(receiver);
        sender.send(5);
    }
}
