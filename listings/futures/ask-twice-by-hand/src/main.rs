use std::cell::RefCell;
use std::pin::{Pin, pin};
use std::task::{Context, Poll, Waker};

thread_local! {
    /// The lines noted during one run; `trace` takes them out.
    static TRACE: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Adds a line to the trace of the current run.
fn note(line: impl Into<String>) {
    TRACE.with_borrow_mut(|trace| trace.push(line.into()));
}

// ANCHOR: leaf
/// A leaf future: `Pending` for its first two polls, then `Ready(answer)`.
struct NotYet {
    answer: &'static str,
    polls: u32,
}

impl NotYet {
    fn new(answer: &'static str) -> Self {
        NotYet { answer, polls: 0 }
    }
}

impl Future for NotYet {
    type Output = &'static str;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.polls += 1;
        if self.polls > 2 {
            note(format!("    leaf: poll {}, {}", self.polls, self.answer));
            return Poll::Ready(self.answer);
        }
        note(format!("    leaf: poll {}, not ready", self.polls));
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}
// ANCHOR_END: leaf

// ANCHOR: async_fn
async fn ask_twice() -> String {
    note("  ask_twice: question 1");
    let first = NotYet::new("yes").await;
    note("  ask_twice: question 2");
    let second = NotYet::new("no").await;
    format!("{first}, then {second}")
}
// ANCHOR_END: async_fn

// ANCHOR: by_hand
/// `ask_twice` written out by hand: one variant for each place where the
/// function can be stopped, holding what is alive at that place.
enum AskTwice {
    /// Made by the call: nothing has run yet.
    Start,
    /// Stopped at the first `.await`.
    First { leaf: NotYet },
    /// Stopped at the second `.await`; `first` is still needed after it.
    Second { first: &'static str, leaf: NotYet },
    /// Returned `Ready`.
    Done,
}

fn ask_twice_by_hand() -> AskTwice {
    AskTwice::Start
}

impl Future for AskTwice {
    type Output = String;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<String> {
        // Each turn runs the code up to the next `.await` and moves on to
        // the state that stops there; only a `Pending` leaf stops the loop.
        loop {
            match &mut *self {
                AskTwice::Start => {
                    note("  ask_twice: question 1");
                    let leaf = NotYet::new("yes");
                    *self = AskTwice::First { leaf };
                }
                AskTwice::First { leaf } => {
                    let Poll::Ready(first) = Pin::new(leaf).poll(cx) else {
                        return Poll::Pending;
                    };
                    note("  ask_twice: question 2");
                    let leaf = NotYet::new("no");
                    *self = AskTwice::Second { first, leaf };
                }
                AskTwice::Second { first, leaf } => {
                    let Poll::Ready(second) = Pin::new(leaf).poll(cx) else {
                        return Poll::Pending;
                    };
                    let answer = format!("{first}, then {second}");
                    *self = AskTwice::Done;
                    return Poll::Ready(answer);
                }
                AskTwice::Done => panic!("`async fn` resumed after completion"),
            }
        }
    }
}
// ANCHOR_END: by_hand

// ANCHOR: main
/// Polls `future` until it is ready and returns the lines it noted, with a
/// line for each poll and its result.
fn trace<F: Future<Output = String>>(future: F) -> Vec<String> {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    for polls in 1.. {
        note(format!("poll {polls}"));
        let poll = future.as_mut().poll(&mut cx);
        note(format!("→ {poll:?}"));
        if poll.is_ready() {
            break;
        }
    }
    TRACE.take()
}

fn main() {
    let compiler = trace(ask_twice());
    let by_hand = trace(ask_twice_by_hand());
    let (left, right) = ("ask_twice()", "ask_twice_by_hand()");
    println!("{left:<28}| {right}");
    println!("{:-<28}+{:-<28}", "", "");
    for line in 0..compiler.len().max(by_hand.len()) {
        let left = compiler.get(line).map_or("", String::as_str);
        let right = by_hand.get(line).map_or("", String::as_str);
        println!("{left:<28}| {right}");
    }
    println!("same trace: {}", compiler == by_hand);
}
// ANCHOR_END: main

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_futures_make_the_same_polls_and_answer() {
        let compiler = trace(ask_twice());
        let by_hand = trace(ask_twice_by_hand());
        assert_eq!(compiler, by_hand);
        assert_eq!(compiler.len(), 18, "{compiler:#?}");
        assert_eq!(compiler.last().unwrap(), "→ Ready(\"yes, then no\")");
    }

    #[test]
    fn calling_either_one_runs_nothing() {
        let _unpolled = (ask_twice(), ask_twice_by_hand());
        assert!(TRACE.take().is_empty());
    }

    fn poll_after_ready<F: Future>(future: F) {
        let mut future = pin!(future);
        let mut cx = Context::from_waker(Waker::noop());
        while future.as_mut().poll(&mut cx).is_pending() {}
        let _ = future.as_mut().poll(&mut cx);
    }

    #[test]
    #[should_panic(expected = "`async fn` resumed after completion")]
    fn the_compilers_future_panics_when_polled_after_ready() {
        poll_after_ready(ask_twice());
    }

    #[test]
    #[should_panic(expected = "`async fn` resumed after completion")]
    fn the_hand_written_one_panics_the_same_way() {
        poll_after_ready(ask_twice_by_hand());
    }

    #[test]
    #[should_panic(expected = "`async fn` resumed after panicking")]
    fn a_future_whose_body_panicked_panics_when_polled_again() {
        async fn fails() {
            panic!("the body fails");
        }
        let mut future = pin!(fails());
        let mut cx = Context::from_waker(Waker::noop());
        let first = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            future.as_mut().poll(&mut cx)
        }));
        assert!(first.is_err(), "the first poll panics in the body");
        let _ = future.as_mut().poll(&mut cx);
    }
}
