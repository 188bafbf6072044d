//! A ticker that should tick every 10 ms, a CPU-bound job, and the
//! figures that say how late the ticker was. `main` runs the ticker alone
//! and beside the job; the crate `three-fixes` reuses all of it.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use tokio::time::{Instant, sleep_until};
use user_input::flags::{self, Flag, Flags};

// ANCHOR: ticker
/// The ticker's period.
pub const PERIOD: Duration = Duration::from_millis(10);

/// Ticks every `PERIOD` after `start`, and gives how late each tick was,
/// until the first tick due after `finished`, the moment the job ended.
pub async fn ticker(
    start: Instant,
    finished: Arc<OnceLock<Instant>>,
) -> Vec<Duration> {
    let mut lateness = Vec::new();
    for n in 1.. {
        let due = start + PERIOD * n;
        sleep_until(due).await;
        lateness.push(due.elapsed());
        if finished.get().is_some_and(|end| *end < due) {
            break;
        }
    }
    lateness
}
// ANCHOR_END: ticker

// ANCHOR: job
/// The CPU-bound job: `chunks` chunks of hashing, with no `.await`.
pub fn hash_all(chunks: u64) -> u64 {
    let mut hash = 0;
    for chunk in 0..chunks {
        hash = hash_chunk(hash, chunk);
    }
    hash
}

/// One chunk: FNV-1a over 100,000 numbers, each step waiting on the last.
pub fn hash_chunk(hash: u64, chunk: u64) -> u64 {
    let mut hash = hash ^ 0xcbf2_9ce4_8422_2325;
    for number in chunk * 100_000..(chunk + 1) * 100_000 {
        hash = (hash ^ number).wrapping_mul(0x100_0000_01b3);
    }
    hash
}
// ANCHOR_END: job

/// How many chunks the job hashes unless `--chunks` says otherwise: about
/// 0.2 s in a debug build on the machine the book's runs were made on.
pub const CHUNKS: u64 = 250;

/// The most `--chunks` accepts, so that every run ends within seconds.
pub const MAX_CHUNKS: u64 = 4_000;

/// The settings: `--chunks N`.
#[derive(Debug)]
pub struct Settings {
    pub chunks: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Self { chunks: CHUNKS }
    }
}

impl Flags for Settings {
    const FLAGS: &'static [Flag] = &[Flag {
        name: "--chunks",
        value: "N",
        help: "the job's size, 1 to 4000 chunks of hashing (default 250)",
    }];

    fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        let chunks = flags::whole_number(name, value, 1)?;
        if chunks > MAX_CHUNKS {
            return Err(format!("{name} is at most {MAX_CHUNKS}, got {value:?}"));
        }
        self.chunks = chunks;
        Ok(())
    }
}

/// How late a ticker's ticks were, sorted from the least late.
#[derive(Debug, Clone)]
pub struct Lateness(Vec<Duration>);

impl Lateness {
    pub fn new(mut ticks: Vec<Duration>) -> Self {
        assert!(!ticks.is_empty(), "a ticker ticks at least once");
        ticks.sort();
        Self(ticks)
    }

    pub fn ticks(&self) -> usize {
        self.0.len()
    }

    /// The nearest-rank percentile: the least lateness that `percent` per
    /// cent of the ticks did not exceed.
    pub fn percentile(&self, percent: usize) -> Duration {
        let rank = (percent * self.0.len()).div_ceil(100).max(1);
        self.0[rank - 1]
    }

    pub fn median(&self) -> Duration {
        self.percentile(50)
    }

    pub fn max(&self) -> Duration {
        self.percentile(100)
    }

    /// How many ticks were late by under 1 ms, 1 to 10 ms, 10 to 100 ms,
    /// and 100 ms or more.
    pub fn histogram(&self) -> [usize; 4] {
        let mut counts = [0; 4];
        for late in &self.0 {
            let bucket = match late.as_secs_f64() * 1000.0 {
                ms if ms < 1.0 => 0,
                ms if ms < 10.0 => 1,
                ms if ms < 100.0 => 2,
                _ => 3,
            };
            counts[bucket] += 1;
        }
        counts
    }
}

/// Runs `future` on a current-thread runtime of its own, with timers.
/// Dropping the runtime ends its blocking pool's threads.
pub fn on_new_runtime<F: Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a runtime for this thread")
        .block_on(future)
}

/// Milliseconds, with two decimals.
pub fn ms(duration: Duration) -> String {
    format!("{:.2}", duration.as_secs_f64() * 1000.0)
}

/// `a / b`, for two lateness figures or two times.
pub fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}
