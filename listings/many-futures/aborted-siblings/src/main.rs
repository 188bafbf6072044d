//! The same jobs spawned into a `JoinSet`: the caller returns at the first
//! error, which drops the set, and dropping it aborts the tasks still in it.

use std::time::Duration;

use input_order::{job, ms_since};
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
