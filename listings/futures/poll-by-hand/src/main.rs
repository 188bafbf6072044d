use std::pin::pin;
use std::task::{Context, Poll, Waker};

async fn answer() -> u32 {
    println!("answer runs");
    42
}

fn main() {
    let future = answer();
    println!("built the future");

    // `poll` takes the future pinned: once started, it must not move.
    let mut future = pin!(future);
    // A waker that does nothing: this loop polls on its own schedule.
    let mut cx = Context::from_waker(Waker::noop());

    let poll = future.as_mut().poll(&mut cx);
    println!("poll 1 returned {poll:?}");
    if let Poll::Ready(value) = poll {
        println!("the value is {value}");
    }
}
