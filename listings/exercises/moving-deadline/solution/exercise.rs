//! The model answer: one timer, moved on by each item.

use std::pin::pin;

use tokio::sync::mpsc::Receiver;
use tokio::time::{Instant, sleep};

use crate::IDLE;

/// Collects the items of `items`, in the order they arrive, until `IDLE`
/// has passed with no new item: `IDLE` after the last item, or after the
/// start if none comes. If every sender is dropped first, it returns at
/// once. Returns the items collected.
pub async fn collect_until_idle(mut items: Receiver<u32>) -> Vec<u32> {
    let mut collected = Vec::new();
    let mut deadline = pin!(sleep(IDLE));
    loop {
        tokio::select! {
            item = items.recv() => {
                let Some(item) = item else {
                    // Every sender is dropped: no item can come any more.
                    return collected;
                };
                collected.push(item);
                // The deadline moves: `IDLE` from now, the time of this item.
                deadline.as_mut().reset(Instant::now() + IDLE);
            }
            () = &mut deadline => return collected,
        }
    }
}
