use std::pin::pin;
use std::task::{Context, Waker};

async fn no_op() {}

async fn five_steps() {
    for step in 0..5 {
        println!("    step {step}");
        // `no_op` is ready at once, so this await never suspends.
        no_op().await;
    }
}

fn main() {
    let mut future = pin!(five_steps());
    let mut cx = Context::from_waker(Waker::noop());
    let mut polls = 0;
    loop {
        polls += 1;
        let poll = future.as_mut().poll(&mut cx);
        println!("outer loop, poll {polls}: {poll:?}");
        if poll.is_ready() {
            break;
        }
    }
    println!("polls until Ready: {polls}");
}
