//! The exercise's tests. On the starter code each of them fails; on a
//! working answer each of them passes. They run on tokio's paused clock:
//! `sleep` takes no real time, and the clock jumps to the next timer
//! whenever every task waits, so the times they check are exact.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use tokio::time::{Instant, sleep, timeout};

use fail_fast::{Job, JobResult, run_all};

/// Longer than any test needs: an answer that never returns fails, on the
/// paused clock, instead of hanging.
const LIMIT: Duration = Duration::from_secs(60);

/// How many of one test's jobs started, reached their end, and were
/// dropped (at their end, or cancelled before it).
#[derive(Default)]
struct Counts {
    started: AtomicU32,
    finished: AtomicU32,
    dropped: AtomicU32,
}

impl Counts {
    /// The jobs started, finished and dropped, so far.
    fn now(&self) -> [u32; 3] {
        [&self.started, &self.finished, &self.dropped]
            .map(|count| count.load(Ordering::SeqCst))
    }
}

/// Counts a drop of the job that holds it.
struct DropGuard(Arc<Counts>);

impl Drop for DropGuard {
    fn drop(&mut self) {
        self.0.dropped.fetch_add(1, Ordering::SeqCst);
    }
}

/// Runs `jobs` with `run_all`, and says how long it took.
async fn run_timed(jobs: Vec<Job>) -> (Result<Vec<u32>, String>, Duration) {
    let start = Instant::now();
    let result = timeout(LIMIT, run_all(jobs))
        .await
        .expect("run_all returns");
    (result, start.elapsed())
}

/// A job that takes `millis` milliseconds, then ends with `result`.
fn job(millis: u64, result: JobResult, counts: &Arc<Counts>) -> Job {
    let guard = DropGuard(Arc::clone(counts));
    Box::pin(async move {
        let counts = &guard.0;
        counts.started.fetch_add(1, Ordering::SeqCst);
        sleep(Duration::from_millis(millis)).await;
        counts.finished.fetch_add(1, Ordering::SeqCst);
        result
    })
}

#[tokio::test(start_paused = true)]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
async fn the_error_comes_as_soon_as_a_job_fails() {
    let counts = Arc::default();
    let jobs = vec![
        job(100, Ok(1), &counts),
        job(200, Err("job 2 failed".into()), &counts),
        job(1000, Ok(3), &counts),
    ];
    let (result, took) = run_timed(jobs).await;
    assert_eq!(result, Err("job 2 failed".into()));
    assert_eq!(took, Duration::from_millis(200), "returned late");
}

#[tokio::test(start_paused = true)]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
async fn the_slower_jobs_are_cancelled() {
    let counts = Arc::default();
    let jobs = vec![
        job(1000, Ok(1), &counts),
        job(200, Err("job 2 failed".into()), &counts),
        job(1000, Ok(3), &counts),
    ];
    let (result, _) = run_timed(jobs).await;
    assert_eq!(result, Err("job 2 failed".into()));
    // Long enough for the slow jobs to end, had they gone on running.
    sleep(Duration::from_millis(2000)).await;
    // All three started; only the failed one reached its end; all three
    // were dropped, none left running.
    assert_eq!(counts.now(), [3, 1, 3], "jobs started, finished, dropped");
}

#[tokio::test(start_paused = true)]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
async fn every_number_in_the_order_of_the_list() {
    let counts = Arc::default();
    let jobs = vec![
        job(300, Ok(30), &counts),
        job(100, Ok(10), &counts),
        job(200, Ok(20), &counts),
    ];
    let (result, took) = run_timed(jobs).await;
    assert_eq!(result, Ok(vec![30, 10, 20]));
    // All at once: as long as the slowest job, not the sum of all three.
    assert_eq!(took, Duration::from_millis(300), "not at once");
}
