//! The exercise's tests. On the starter code each of them fails; on a
//! working answer each of them passes. They run on tokio's paused clock:
//! `sleep` takes no real time, and the clock jumps to the next timer
//! whenever every task waits, so the times they check are exact.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::time::{Instant, sleep, timeout};

use at_most_three::{Job, run_at_most};

/// Longer than any test needs: an answer that never returns fails, on the
/// paused clock, instead of hanging.
const LIMIT: Duration = Duration::from_secs(60);

/// How many of one test's jobs are in flight (started, not yet ended), and
/// the most that ever were at once.
#[derive(Default)]
struct Flight {
    now: AtomicUsize,
    most: AtomicUsize,
}

/// Counts a job in flight while it lives: from the job's start to its end.
struct InFlight(Arc<Flight>);

impl InFlight {
    fn start(flight: &Arc<Flight>) -> Self {
        let now = flight.now.fetch_add(1, Ordering::SeqCst) + 1;
        flight.most.fetch_max(now, Ordering::SeqCst);
        InFlight(Arc::clone(flight))
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.now.fetch_sub(1, Ordering::SeqCst);
    }
}

/// A job that takes `millis` milliseconds, then ends with `number`. It is
/// in flight from its first poll to its end.
fn job(millis: u64, number: u32, flight: &Arc<Flight>) -> Job {
    let flight = Arc::clone(flight);
    Box::pin(async move {
        let _in_flight = InFlight::start(&flight);
        sleep(Duration::from_millis(millis)).await;
        number
    })
}

/// Runs `jobs` with `run_at_most(limit, ..)`: the numbers, how long it
/// took, and the most jobs that were in flight at once.
async fn run(
    limit: usize,
    jobs: Vec<Job>,
    flight: &Flight,
) -> (Vec<u32>, Duration, usize) {
    let start = Instant::now();
    let numbers = timeout(LIMIT, run_at_most(limit, jobs))
        .await
        .expect("run_at_most returns");
    (numbers, start.elapsed(), flight.most.load(Ordering::SeqCst))
}

#[tokio::test(start_paused = true)]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
async fn never_more_than_three_at_once() {
    let flight = Arc::default();
    let jobs = (1..=10).map(|number| job(100, number, &flight)).collect();
    let (numbers, took, most) = run(3, jobs, &flight).await;
    assert_eq!(most, 3, "the most jobs in flight at once");
    assert_eq!(numbers, (1..=10).collect::<Vec<_>>());
    // Ten jobs of 100 ms, three at a time: four rounds.
    assert_eq!(took, Duration::from_millis(400), "not three at a time");
}

#[tokio::test(start_paused = true)]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
async fn a_free_place_is_taken_at_once() {
    let flight = Arc::default();
    // The first job is slow: the four short ones share the two other
    // places, and must not wait for it.
    let jobs = vec![
        job(300, 1, &flight),
        job(100, 2, &flight),
        job(100, 3, &flight),
        job(100, 4, &flight),
        job(100, 5, &flight),
    ];
    let (numbers, took, most) = run(3, jobs, &flight).await;
    assert_eq!(most, 3, "the most jobs in flight at once");
    assert_eq!(numbers, [1, 2, 3, 4, 5]);
    // Jobs 4 and 5 start at 100 ms and end at 200 ms; job 1 at 300 ms.
    assert_eq!(took, Duration::from_millis(300), "a place stayed empty");
}

#[tokio::test(start_paused = true)]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
async fn a_limit_of_one_runs_them_in_turn() {
    let flight = Arc::default();
    let jobs = vec![
        job(30, 30, &flight),
        job(10, 10, &flight),
        job(20, 20, &flight),
    ];
    let (numbers, took, most) = run(1, jobs, &flight).await;
    assert_eq!(most, 1, "the most jobs in flight at once");
    assert_eq!(numbers, [30, 10, 20]);
    // One after the other: the sum of the three.
    assert_eq!(took, Duration::from_millis(60), "not one after the other");
}
