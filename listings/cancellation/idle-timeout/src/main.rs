//! A worker that stops once no job has come for a while: its deadline moves
//! each time a job arrives.

use std::pin::pin;
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::{Instant, sleep, sleep_until};
use user_input::flags::{self, Clock};

/// How long the worker waits for a job before it stops.
const IDLE: Duration = Duration::from_millis(200);
/// How long the producer waits before each job, in milliseconds.
const GAPS: [u64; 4] = [50, 50, 100, 350];

fn main() {
    let clock: Clock = flags::from_env();
    let runtime = clock_runtime::runtime(clock);
    runtime.block_on(async {
        let start = Instant::now();
        let (jobs, inbox) = mpsc::channel(1);
        let worker = tokio::spawn(worker(inbox, start));
        for (number, gap) in (1..).zip(GAPS) {
            sleep(Duration::from_millis(gap)).await;
            if jobs.send(number).await.is_err() {
                let at = millis(start);
                println!("{at:>4} ms  producer: job {number} refused, no worker");
            }
        }
        worker.await.expect("the worker does not panic");
    });
}

/// Milliseconds since `start`, on tokio's clock.
fn millis(start: Instant) -> u128 {
    start.elapsed().as_millis()
}

// ANCHOR: worker
async fn worker(mut inbox: mpsc::Receiver<u32>, start: Instant) {
    let mut idle = pin!(sleep_until(Instant::now() + IDLE));
    loop {
        tokio::select! {
            job = inbox.recv() => {
                let Some(job) = job else { break };
                let deadline = Instant::now() + IDLE;
                idle.as_mut().reset(deadline);
                let (at, until) = (millis(start), (deadline - start).as_millis());
                println!("{at:>4} ms  worker: job {job}, idle deadline {until} ms");
            }
            () = &mut idle => {
                println!("{:>4} ms  worker: idle for {IDLE:?}, stops", millis(start));
                break;
            }
        }
    }
}
// ANCHOR_END: worker
