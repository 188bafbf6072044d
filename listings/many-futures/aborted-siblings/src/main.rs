//! The same jobs spawned into a `JoinSet`: the caller returns at the first
//! error, which drops the set, and dropping it aborts the tasks still in it.

use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};
use user_input::flags::{self, Clock};

fn main() {
    let clock: Clock = flags::from_env();
    let runtime = clock_runtime::runtime(clock);
    runtime.block_on(async {
        let start = Instant::now();
        let outcome = caller().await;
        println!("caller: {outcome:?} after {} ms", ms_since(start));
        sleep(Duration::from_millis(500)).await;
        println!("main: waited 500 ms more");
    });
}

/// The four jobs: each one's name, its time in ms, and whether it fails.
const JOBS: [(&str, u64, bool); 4] = [
    ("slow", 300, false),
    ("quick", 100, false),
    ("failing", 150, true),
    ("medium", 200, false),
];

// ANCHOR: caller
async fn caller() -> Result<Vec<&'static str>, String> {
    let mut set = JoinSet::new();
    for (name, millis, fails) in JOBS {
        set.spawn(job(name, millis, fails));
    }
    let mut names = Vec::new();
    while let Some(joined) = set.join_next().await {
        // `?` returns at the first error: `set` is dropped, and
        // dropping it aborts every task still in it.
        names.push(joined.expect("no job panics")?);
    }
    Ok(names)
}
// ANCHOR_END: caller

type Outcome = Result<&'static str, String>;

/// Waits `millis` ms, then succeeds or fails; says so, or says that it was
/// dropped before its end.
async fn job(name: &'static str, millis: u64, fails: bool) -> Outcome {
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

fn ms_since(start: Instant) -> u128 {
    start.elapsed().as_millis()
}
