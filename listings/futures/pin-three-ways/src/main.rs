use std::pin::{Pin, pin};
use std::task::{Context, Poll, Waker};

// ANCHOR: futures
/// A hand-written leaf: `Pending` until it has counted down to zero.
/// Its only field is a number, so it is `Unpin`.
struct Countdown {
    left: u32,
}

impl Future for Countdown {
    type Output = &'static str;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        if self.left == 0 {
            return Poll::Ready("liftoff");
        }
        self.left -= 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

async fn launch() -> &'static str {
    let mut countdown = Countdown { left: 2 };
    // `&mut countdown` is a future too. Awaiting it keeps a borrow of a
    // local across the `.await`: stopped there, this future points into
    // itself.
    (&mut countdown).await
}
// ANCHOR_END: futures

// ANCHOR: run
/// Polls `future` until it is ready; returns its output and the number of
/// polls. `Pin::new` needs no promise from us, since `F` is `Unpin`.
fn run<F: Future + Unpin>(mut future: F) -> (F::Output, u32) {
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    loop {
        polls += 1;
        if let Poll::Ready(output) = Pin::new(&mut future).poll(&mut cx) {
            return (output, polls);
        }
    }
}

fn main() {
    // A future that is `Unpin` itself: `run` pins it with `Pin::new`.
    let (word, polls) = run(Countdown { left: 2 });
    println!("Countdown:          {word} after {polls} polls");

    // `pin!` keeps the future in this stack frame and gives a
    // `Pin<&mut _>`, a pointer that is `Unpin` and a future itself.
    let pinned = pin!(launch());
    let (word, polls) = run(pinned);
    println!("pin!(launch()):     {word} after {polls} polls");

    // `Box::pin` puts the future on the heap: `Pin<Box<_>>` is `Unpin`.
    let (word, polls) = run(Box::pin(launch()));
    println!("Box::pin(launch()): {word} after {polls} polls");
}
// ANCHOR_END: run

#[cfg(test)]
mod tests {
    use super::*;

    /// Compiles only if `T` is `Unpin`.
    fn unpin<T: Unpin>(_: &T) {}

    #[test]
    fn countdown_and_both_pinning_pointers_are_unpin() {
        unpin(&Countdown { left: 0 });
        unpin(&pin!(launch()));
        unpin(&Box::pin(launch()));
    }

    #[test]
    fn every_way_gives_the_same_answer_after_the_same_polls() {
        let expected = ("liftoff", 3);
        assert_eq!(run(Countdown { left: 2 }), expected);
        assert_eq!(run(pin!(launch())), expected);
        assert_eq!(run(Box::pin(launch())), expected);
    }
}
