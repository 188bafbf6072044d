//! A hundred jobs in one `join_all`, with no limit: all of them are in
//! flight at once.

use std::cell::Cell;
use std::time::Duration;

use futures::future::join_all;
use tokio::time::{Instant, sleep};
use user_input::flags::{self, Clock};

/// How many jobs there are.
const JOBS: u64 = 100;

fn main() {
    let clock: Clock = flags::from_env();
    let runtime = clock_runtime::runtime(clock);
    runtime.block_on(async {
        let start = Instant::now();
        let gauge = Gauge::default();
        let ids = run_all(&gauge).await;
        println!("jobs done: {}", ids.len());
        println!("most in flight at once: {}", gauge.most.get());
        println!("all done after {} ms", start.elapsed().as_millis());
    });
}

// ANCHOR: run
async fn run_all(gauge: &Gauge) -> Vec<u64> {
    join_all((1..=JOBS).map(|id| job(id, gauge))).await
}

/// One request to a service: from 10 to 50 ms, which depends on `id`.
async fn job(id: u64, gauge: &Gauge) -> u64 {
    gauge.start();
    sleep(Duration::from_millis(10 + id * 7 % 41)).await;
    gauge.end();
    id
}

/// How many jobs are in flight, and the most there have been at once.
#[derive(Default)]
struct Gauge {
    now: Cell<usize>,
    most: Cell<usize>,
}

impl Gauge {
    fn start(&self) {
        self.now.set(self.now.get() + 1);
        self.most.set(self.most.get().max(self.now.get()));
    }

    fn end(&self) {
        self.now.set(self.now.get() - 1);
    }
}
// ANCHOR_END: run
