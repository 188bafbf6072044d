//! The model answer: one `spawn_blocking` per step, all started at once.

use tokio::task::{JoinHandle, spawn_blocking};

use crate::Step;

/// Runs every step of `steps`, all at the same time, each on a thread of
/// its own, so that the runtime's thread is free to run other tasks
/// meanwhile. Returns every step's number, in the order of the list.
pub async fn run_steps(steps: Vec<Step>) -> Vec<u64> {
    // Every step goes to tokio's pool of blocking threads first, so that
    // they all run at once ...
    let handles: Vec<JoinHandle<u64>> =
        steps.into_iter().map(spawn_blocking).collect();
    // ... then their numbers are awaited in the order of the list. While
    // this task waits, the runtime's thread runs the other tasks.
    let mut numbers = Vec::with_capacity(handles.len());
    for handle in handles {
        numbers.push(handle.await.expect("no step panics"));
    }
    numbers
}
