//! The model answer: the receiver behind a mutex, locked only to receive.

use std::sync::Arc;

use tokio::sync::Mutex;
use tokio::sync::mpsc::Receiver;
use tokio::task::JoinSet;

/// Runs two consumers, numbered 1 and 2, that take the items of `items`
/// between them, each calling `crate::work` on every item it takes. Returns
/// a pair (consumer, item) for each item, once every sender is dropped and
/// both consumers have finished.
pub async fn share(items: Receiver<u32>) -> Vec<(usize, u32)> {
    let items = Arc::new(Mutex::new(items));
    let mut consumers = JoinSet::new();
    for consumer in [1, 2] {
        let items = Arc::clone(&items);
        consumers.spawn(async move {
            let mut taken = Vec::new();
            loop {
                // The guard is dropped at the end of this statement, so the
                // other consumer may take an item while this one works.
                let item = items.lock().await.recv().await;
                let Some(item) = item else {
                    // Every sender is dropped and the channel is empty.
                    return taken;
                };
                crate::work(item).await;
                taken.push((consumer, item));
            }
        });
    }
    let mut taken = Vec::new();
    while let Some(result) = consumers.join_next().await {
        taken.extend(result.expect("a consumer never panics"));
    }
    taken
}
