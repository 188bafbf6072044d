use std::pin::{Pin, pin};
use std::task::{Context, Poll, Waker};

/// A leaf future: `Pending` for its first three polls, then `Ready("Ok")`.
struct NotYet {
    polls: u32,
}

impl Future for NotYet {
    type Output = &'static str;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.polls += 1;
        if self.polls > 3 {
            return Poll::Ready("Ok");
        }
        println!("        leaf: poll {}, not ready", self.polls);
        // Returning `Pending` is a promise to wake the task later. With
        // nothing to wait for, ask for the next poll right away.
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

async fn ask_twice() {
    for round in 1..=2 {
        println!("    ask_twice: round {round}");
        let answer = NotYet { polls: 0 }.await;
        println!("    ask_twice: the leaf said {answer}");
    }
}

fn main() {
    let mut future = pin!(ask_twice());
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    loop {
        polls += 1;
        println!("loop: poll {polls}");
        let poll = future.as_mut().poll(&mut cx);
        println!("loop: poll {polls} returned {poll:?}");
        if poll.is_ready() {
            break;
        }
    }
}
