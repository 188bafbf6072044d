//! The jobs of `input-order`, which `detached-siblings` and
//! `aborted-siblings` run too: each waits, then succeeds or fails, and
//! says so, or says that it was cancelled.

use std::time::Duration;

use tokio::time::{Instant, sleep};

// ANCHOR: job
pub type Outcome = Result<&'static str, String>;

/// Waits `millis` ms, then succeeds or fails; says so, or says that it was
/// dropped before its end.
pub async fn job(name: &'static str, millis: u64, fails: bool) -> Outcome {
    let mut report = EndReport {
        name,
        finished: false,
    };
    sleep(Duration::from_millis(millis)).await;
    report.finished = true;
    if fails {
        println!("  {name}: fails after {millis} ms");
        return Err(format!("{name} failed"));
    }
    println!("  {name}: done after {millis} ms");
    Ok(name)
}

/// Dropped when the job ends, or with its future if it is cancelled.
struct EndReport {
    name: &'static str,
    finished: bool,
}

impl Drop for EndReport {
    fn drop(&mut self) {
        if !self.finished {
            println!("  {}: cancelled", self.name);
        }
    }
}
// ANCHOR_END: job

/// Milliseconds since `start`, on tokio's clock.
pub fn ms_since(start: Instant) -> u128 {
    start.elapsed().as_millis()
}
