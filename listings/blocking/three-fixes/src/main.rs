//! The ticker of `blocked-ticker` beside the same CPU-bound job, in one
//! run: alone, blocked, and with each of three fixes, each on a
//! current-thread runtime of its own, on the real clock.

use std::future::poll_fn;
use std::pin::pin;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use blocked_ticker::{
    Lateness, Settings, hash_all, hash_chunk, ms, on_new_runtime, ratio, ticker,
};
use tokio::sync::oneshot;
use tokio::task;
use tokio::time::Instant;
use user_input::flags;

/// The ways to run the job beside the ticker.
#[derive(Clone, Copy)]
enum Way {
    Blocking,
    YieldNow,
    SpawnBlocking,
    Rayon,
}

// ANCHOR: yield_now
/// The job of `hash_all`, giving the thread back after every chunk.
async fn hash_all_yielding(chunks: u64) -> u64 {
    let mut hash = 0;
    for chunk in 0..chunks {
        hash = hash_chunk(hash, chunk);
        task::yield_now().await; // the runtime may poll other tasks here
    }
    hash
}
// ANCHOR_END: yield_now

// ANCHOR: fixes
/// Starts the job the way `way` says, and waits for its hash. `finished`
/// is set when the hashing ends, on whatever thread it ran. Gives the hash,
/// and the polls of the future that the runtime drove for the job.
async fn job(way: Way, chunks: u64, finished: Arc<OnceLock<Instant>>) -> (u64, u32) {
    let done = move |hash| {
        finished.set(Instant::now()).expect("set once");
        hash
    };
    match way {
        // A task that never awaits: it keeps the runtime's only thread.
        Way::Blocking => {
            let task = count_polls(async move { done(hash_all(chunks)) });
            tokio::spawn(task).await.expect("no panic")
        }
        // The same task, giving the thread back between chunks.
        Way::YieldNow => {
            let task =
                count_polls(async move { done(hash_all_yielding(chunks).await) });
            tokio::spawn(task).await.expect("no panic")
        }
        // A thread of tokio's blocking pool, started if none is idle.
        Way::SpawnBlocking => {
            let (hash, polls) =
                count_polls(task::spawn_blocking(move || done(hash_all(chunks))))
                    .await;
            (hash.expect("no panic"), polls)
        }
        // A thread of rayon's pool, which replies through a oneshot channel.
        Way::Rayon => {
            let (reply, hash) = oneshot::channel();
            rayon::spawn(move || {
                let _ = reply.send(done(hash_all(chunks)));
            });
            let (hash, polls) = count_polls(hash).await;
            (hash.expect("the job replies"), polls)
        }
    }
}
// ANCHOR_END: fixes

/// What one run measured.
struct Run {
    lateness: Lateness,
    /// From the job's start to its hash in the caller's hands.
    job_time: Duration,
    /// How many times the runtime polled the job's task, or for a job on
    /// another thread, the handle or channel that brings its hash.
    polls: u32,
    /// The process's threads when the job was done, where the system says.
    threads: Option<usize>,
}

/// The ticker, and beside it the job run `way`, or nothing for 0.2 s.
async fn measure(way: Option<Way>, chunks: u64) -> Run {
    let start = Instant::now();
    let finished = Arc::new(OnceLock::new());
    let ticks = tokio::spawn(ticker(start, finished.clone()));
    let (polls, threads) = match way {
        None => {
            finished
                .set(start + Duration::from_millis(200))
                .expect("set once");
            (0, threads())
        }
        Some(way) => {
            let (_hash, polls) = job(way, chunks, finished).await;
            (polls, threads())
        }
    };
    let job_time = start.elapsed();
    let ticks = ticks.await.expect("the ticker does not panic");
    Run {
        lateness: Lateness::new(ticks),
        job_time,
        polls,
        threads,
    }
}

/// Awaits `future`, counting its polls.
async fn count_polls<F: Future>(future: F) -> (F::Output, u32) {
    let mut future = pin!(future);
    let mut polls = 0;
    let output = poll_fn(|cx| {
        polls += 1;
        future.as_mut().poll(cx)
    })
    .await;
    (output, polls)
}

/// How many threads this process has, on Linux.
fn threads() -> Option<usize> {
    Some(std::fs::read_dir("/proc/self/task").ok()?.count())
}

fn main() {
    let settings: Settings = flags::from_env();
    let chunks = settings.chunks;
    println!(
        "a ticker every 10 ms on a current-thread runtime; a job of {chunks} chunks"
    );
    let alone = on_new_runtime(measure(None, chunks));
    let ways = [
        ("blocked", Way::Blocking),
        ("yield_now", Way::YieldNow),
        ("spawn_blocking", Way::SpawnBlocking),
        ("rayon + oneshot", Way::Rayon),
    ];
    let runs: Vec<(&str, Run)> = ways
        .iter()
        .map(|&(name, way)| (name, on_new_runtime(measure(Some(way), chunks))))
        .collect();

    println!(
        "{:16} {:>26}   {:>25}",
        "", "ticker late by (ms)", "the job"
    );
    println!(
        "{:16} {:>8} {:>8} {:>8}   {:>9} {:>6} {:>8}",
        "", "median", "90th", "max", "wall time", "polls", "threads"
    );
    print_row("ticker alone", &alone);
    for (name, run) in &runs {
        print_row(name, run);
    }

    let blocked = &runs[0].1;
    println!("the fixes as ratios of the blocked run:");
    println!(
        "{:16} {:>8} {:>8} {:>8}   {:>9}",
        "", "median", "90th", "max", "wall time"
    );
    for (name, run) in &runs[1..] {
        let (late, of) = (&run.lateness, &blocked.lateness);
        println!(
            "{name:16} {:>8.3} {:>8.3} {:>8.3}   {:>9.2}",
            ratio(late.median(), of.median()),
            ratio(late.percentile(90), of.percentile(90)),
            ratio(late.max(), of.max()),
            ratio(run.job_time, blocked.job_time),
        );
    }
    println!("the lateness as ratios of the ticker alone:");
    for (name, run) in &runs {
        let (late, of) = (&run.lateness, &alone.lateness);
        println!(
            "{name:16} {:>8.1} {:>8.1} {:>8.1}",
            ratio(late.median(), of.median()),
            ratio(late.percentile(90), of.percentile(90)),
            ratio(late.max(), of.max()),
        );
    }
}

fn print_row(name: &str, run: &Run) {
    let late = &run.lateness;
    let job = |text: String| if run.polls == 0 { "-".to_owned() } else { text };
    let threads = run.threads.map_or("?".to_owned(), |n| n.to_string());
    println!(
        "{name:16} {:>8} {:>8} {:>8}   {:>9} {:>6} {threads:>8}",
        ms(late.median()),
        ms(late.percentile(90)),
        ms(late.max()),
        job(format!("{:.3} s", run.job_time.as_secs_f64())),
        job(run.polls.to_string()),
    );
}
