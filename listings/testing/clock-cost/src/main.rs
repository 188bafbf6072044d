//! The test that `with_retries` gives up, run on tokio's real clock and on
//! its paused clock, with the real time each run takes.

use std::future::pending;
use std::time::Duration;

use retry::{GaveUp, Patience, with_retries};
use tokio::runtime::Builder;
use tokio::time::Instant;

// ANCHOR: body
/// The body of the test `gives_up_after_30_seconds`, for any patience:
/// it gives the time that passed on tokio's clock.
async fn gives_up(patience: Patience) -> Duration {
    let start = Instant::now();
    let answer = with_retries(patience, pending::<&str>).await;
    assert_eq!(answer, Err(GaveUp { tries: 3 }));
    start.elapsed()
}

/// A call that blocks its thread for 0.1 s instead of awaiting.
async fn blocks() -> Duration {
    let start = Instant::now();
    let answer = with_retries(QUICK, || async {
        std::thread::sleep(Duration::from_millis(100));
        "pong"
    });
    assert_eq!(answer.await, Ok("pong"));
    start.elapsed()
}
// ANCHOR_END: body

// ANCHOR: run
/// Runs `test` as `#[tokio::test]` does, with `start_paused = true` if
/// `paused`: a runtime of its own, on this thread. Gives the time on
/// tokio's clock, then the real time, runtime included.
fn run<F: Future<Output = Duration>>(paused: bool, test: F) -> (Duration, Duration) {
    let real = std::time::Instant::now();
    let on_tokio_clock = Builder::new_current_thread()
        .enable_all()
        .start_paused(paused)
        .build()
        .expect("a runtime for this thread")
        .block_on(test);
    (on_tokio_clock, real.elapsed())
}
// ANCHOR_END: run

/// 3 tries of 0.1 s with 2 pauses of 0.05 s: 0.4 s in all.
const QUICK: Patience = Patience {
    tries: 3,
    per_try: Duration::from_millis(100),
    pause: Duration::from_millis(50),
};

/// 3 tries of 8 s with 2 pauses of 3 s: 30 s in all.
const PATIENT: Patience = Patience {
    tries: 3,
    per_try: Duration::from_secs(8),
    pause: Duration::from_secs(3),
};

fn main() {
    println!("giving up after 3 tries of 0.1 s and 2 pauses of 0.05 s:");
    report("real clock:  ", run(false, gives_up(QUICK)));
    report("paused clock:", run(true, gives_up(QUICK)));
    println!("giving up after 3 tries of 8 s and 2 pauses of 3 s:");
    report("paused clock:", run(true, gives_up(PATIENT)));
    println!("an answer after a std::thread::sleep of 0.1 s:");
    report("paused clock:", run(true, blocks()));
}

fn report(clock: &str, (on_tokio_clock, real): (Duration, Duration)) {
    println!(
        "  {clock} {:7.3} s on tokio's clock, {:8.3} ms of real time",
        on_tokio_clock.as_secs_f64(),
        real.as_secs_f64() * 1000.0,
    );
}
