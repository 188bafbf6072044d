//! The same async work, four tasks that sleep and report, driven by three
//! runtimes in turn: tokio's current-thread runtime, tokio's multi-thread
//! runtime, and smol.

use std::thread;
use std::time::Duration;

use tokio::runtime::Builder;

// ANCHOR: job
/// The tasks, in the order they are spawned: task 4 sleeps longest.
const TASKS: [u64; 4] = [4, 3, 2, 1];

/// One task's work: sleep `n` tenths of a second on the timer that `sleep`
/// makes, say which thread it woke on, and return `n * n`.
async fn job<F: Future>(n: u64, sleep: impl Fn(Duration) -> F) -> u64 {
    sleep(Duration::from_millis(100 * n)).await;
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
