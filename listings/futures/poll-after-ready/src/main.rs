use std::any::Any;
use std::panic::{self, AssertUnwindSafe};
use std::pin::pin;
use std::task::{Context, Waker};

async fn answer() -> u32 {
    42
}

// ANCHOR: main
fn main() {
    let mut future = pin!(answer());
    let mut cx = Context::from_waker(Waker::noop());
    println!("poll 1 returned {:?}", future.as_mut().poll(&mut cx));

    // Silence the default panic report, whose thread id changes from run
    // to run; the message is printed below instead.
    panic::set_hook(Box::new(|_| {}));
    // `AssertUnwindSafe`: after a panic, nothing here touches the future.
    let second =
        panic::catch_unwind(AssertUnwindSafe(|| future.as_mut().poll(&mut cx)));
    // Put the default report back.
    drop(panic::take_hook());

    match second {
        Ok(poll) => println!("poll 2 returned {poll:?}"),
        Err(payload) => println!("poll 2 panicked: {}", message(&*payload)),
    }
}
// ANCHOR_END: main

/// The text of a panic, which is a `&str` or a `String`.
fn message(payload: &(dyn Any + Send)) -> &str {
    match payload.downcast_ref::<&str>() {
        Some(text) => text,
        None => payload.downcast_ref::<String>().map_or("?", String::as_str),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::task::Poll;

    #[test]
    #[should_panic(expected = "`async fn` resumed after completion")]
    fn polling_a_finished_async_fn_panics() {
        let mut future = pin!(answer());
        let mut cx = Context::from_waker(Waker::noop());
        assert_eq!(future.as_mut().poll(&mut cx), Poll::Ready(42));
        let _ = future.as_mut().poll(&mut cx);
    }
}
