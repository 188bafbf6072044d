//! Your answer: collect items until none has come for `IDLE`.

use tokio::sync::mpsc::Receiver;
use tokio::time::timeout;

use crate::IDLE;

/// Collects the items of `items`, in the order they arrive, until `IDLE`
/// has passed with no new item: `IDLE` after the last item, or after the
/// start if none comes. If every sender is dropped first, it returns at
/// once. Returns the items collected.
pub async fn collect_until_idle(mut items: Receiver<u32>) -> Vec<u32> {
    let mut collected = Vec::new();
    // One deadline, `IDLE` after the start, that never moves: it ends the
    // collection however many items are still coming. Your code here.
    let _ = timeout(IDLE, async {
        while let Some(item) = items.recv().await {
            collected.push(item);
        }
    })
    .await;
    collected
}
