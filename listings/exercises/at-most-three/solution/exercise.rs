//! The model answer: `buffer_unordered`, and each number put in its place.

use futures::StreamExt;
use futures::stream;

use crate::Job;

/// Runs every job of `jobs`, with at most `limit` of them started and not
/// yet ended at any moment, and a new one started as soon as one ends.
/// Returns every job's number, in the order of the list.
pub async fn run_at_most(limit: usize, jobs: Vec<Job>) -> Vec<u32> {
    let mut numbers = vec![0; jobs.len()];
    // Each job says where its number goes: they end in any order.
    let indexed = jobs
        .into_iter()
        .enumerate()
        .map(|(index, job)| async move { (index, job.await) });
    // At most `limit` of these futures are polled at a time; when one ends,
    // the next of the list starts at once, whichever one it was.
    let mut ended = stream::iter(indexed).buffer_unordered(limit);
    while let Some((index, number)) = ended.next().await {
        numbers[index] = number;
    }
    numbers
}
