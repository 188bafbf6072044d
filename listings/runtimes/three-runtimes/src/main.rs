//! The same async work, four tasks that sleep and report, driven by three
//! runtimes in turn: tokio's current-thread runtime, tokio's multi-thread
//! runtime, and smol.

use std::thread;
use std::time::Duration;

use tokio::runtime::Builder;

// ANCHOR: job
/// The tasks, in the order they are spawned: task 4 sleeps longest.
const TASKS: [u64; 4] = [4, 3, 2, 1];

/// One task's work: sleep `n` fifths of a second on the timer that `sleep`
/// makes, say which thread it woke on, and return `n * n`.
async fn job<F: Future>(n: u64, sleep: impl Fn(Duration) -> F) -> u64 {
    sleep(Duration::from_millis(200 * n)).await;
    let thread = thread::current();
    let name = thread.name().unwrap_or("unnamed");
    println!("    task {n} woke on thread {name}");
    n * n
}
// ANCHOR_END: job

// ANCHOR: tokio
/// Spawns the four tasks on a tokio runtime, then awaits them in order.
fn on_tokio(runtime: tokio::runtime::Runtime) -> u64 {
    runtime.block_on(async {
        let handles: Vec<_> = TASKS
            .map(|n| tokio::spawn(job(n, tokio::time::sleep)))
            .into();
        let mut sum = 0;
        for handle in handles {
            sum += handle.await.expect("no task panics");
        }
        sum
    })
}
// ANCHOR_END: tokio

// ANCHOR: smol
/// The same on smol: its global executor runs the tasks, its timer wakes them.
fn on_smol() -> u64 {
    smol::block_on(async {
        let tasks: Vec<_> = TASKS
            .map(|n| smol::spawn(job(n, smol::Timer::after)))
            .into();
        let mut sum = 0;
        for task in tasks {
            sum += task.await;
        }
        sum
    })
}
// ANCHOR_END: smol

// ANCHOR: main
fn main() {
    println!("tokio, current-thread runtime:");
    let one_thread = Builder::new_current_thread().enable_all().build();
    let sum = on_tokio(one_thread.expect("a runtime"));
    println!("  sum of squares: {sum}");

    println!("tokio, multi-thread runtime with 2 workers:");
    let pool = Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build();
    let sum = on_tokio(pool.expect("a runtime"));
    println!("  sum of squares: {sum}");

    println!("smol, block_on and its global executor:");
    let sum = on_smol();
    println!("  sum of squares: {sum}");
}
// ANCHOR_END: main

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
    use std::time::Instant;

    /// How many tasks compute at this moment, and the most that ever did.
    #[derive(Default)]
    struct Busy {
        now: AtomicUsize,
        most: AtomicUsize,
    }

    impl Busy {
        /// Computes, holding its thread: spins until two tasks have
        /// computed at once, or for `at_most`.
        fn compute(&self, at_most: Duration) {
            let now = self.now.fetch_add(1, SeqCst) + 1;
            self.most.fetch_max(now, SeqCst);
            let start = Instant::now();
            while self.most.load(SeqCst) < 2 && start.elapsed() < at_most {
                std::hint::spin_loop();
            }
            self.now.fetch_sub(1, SeqCst);
        }
    }

    /// Four tasks with no `.await` that compute on a tokio runtime; returns
    /// the most that computed at once.
    fn most_at_once_on_tokio(
        runtime: tokio::runtime::Runtime,
        at_most: Duration,
    ) -> usize {
        let busy = Arc::new(Busy::default());
        runtime.block_on(async {
            let handles: Vec<_> = (0..4)
                .map(|_| {
                    let busy = busy.clone();
                    tokio::spawn(async move { busy.compute(at_most) })
                })
                .collect();
            for handle in handles {
                handle.await.expect("no task panics");
            }
        });
        busy.most.load(SeqCst)
    }

    /// Discussion question 1: tasks that compute without `.await` run one
    /// at a time on each thread that polls tasks, so one at a time on the
    /// current-thread runtime and on smol's global executor, two at a time
    /// on the pool of two workers.
    #[test]
    fn computing_tasks_run_one_at_a_time_on_each_thread_that_polls() {
        let short = Duration::from_millis(50);
        let one_thread = Builder::new_current_thread().build().expect("a runtime");
        assert_eq!(most_at_once_on_tokio(one_thread, short), 1);

        let pool = Builder::new_multi_thread().worker_threads(2).build();
        let pool = pool.expect("a runtime");
        assert_eq!(most_at_once_on_tokio(pool, Duration::from_secs(10)), 2);

        assert!(
            std::env::var_os("SMOL_THREADS").is_none(),
            "this test expects smol's global executor at its default size"
        );
        let busy = Arc::new(Busy::default());
        smol::block_on(async {
            let tasks: Vec<_> = (0..4)
                .map(|_| {
                    let busy = busy.clone();
                    smol::spawn(async move { busy.compute(short) })
                })
                .collect();
            for task in tasks {
                task.await;
            }
        });
        assert_eq!(busy.most.load(SeqCst), 1);
    }

    /// The job is the same on every runtime, but its timer is not: tokio's
    /// `sleep` needs a tokio runtime, and smol's `block_on` is none.
    #[test]
    #[should_panic(
        expected = "must be called from the context of a Tokio 1.x runtime"
    )]
    fn tokio_sleep_panics_under_smol_block_on() {
        smol::block_on(job(1, tokio::time::sleep));
    }

    /// smol's timer needs no runtime of smol's: it works under tokio too.
    #[test]
    fn smol_timer_works_on_a_tokio_runtime() {
        let runtime = Builder::new_current_thread().build().expect("a runtime");
        assert_eq!(runtime.block_on(job(2, smol::Timer::after)), 4);
    }
}
