//! The model answer: a `JoinSet`, shut down at the first error.

use tokio::task::JoinSet;

use crate::Job;

/// Runs all the `jobs` at the same time, each as a task. If one fails, it
/// cancels the others at once and returns that job's error, the first to
/// happen. If none fails, it returns every job's number, in the order of
/// the list.
pub async fn run_all(jobs: Vec<Job>) -> Result<Vec<u32>, String> {
    let mut numbers = vec![None; jobs.len()];
    let mut tasks = JoinSet::new();
    for (index, job) in jobs.into_iter().enumerate() {
        // Each task says where its number goes: tasks end in any order.
        tasks.spawn(async move { (index, job.await) });
    }
    while let Some(ended) = tasks.join_next().await {
        match ended.expect("no job panics") {
            (index, Ok(number)) => numbers[index] = Some(number),
            (_, Err(error)) => {
                // Abort every task still in the set, and wait until each
                // one's future is dropped.
                tasks.shutdown().await;
                return Err(error);
            }
        }
    }
    // Every task ended with a number, so every slot is filled.
    Ok(numbers.into_iter().flatten().collect())
}
