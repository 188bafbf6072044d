use std::pin::Pin;
use std::task::{Context, Waker};

async fn launch() -> &'static str {
    "liftoff"
}

fn main() {
    let mut future = launch();
    let mut cx = Context::from_waker(Waker::noop());
    // `Pin::new` takes a pointer to an `Unpin` value only, and the
    // future of an `async fn` is not `Unpin`.
    let poll = Pin::new(&mut future).poll(&mut cx);
    println!("{poll:?}");
}
