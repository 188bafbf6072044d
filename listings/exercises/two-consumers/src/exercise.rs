//! Your answer: two consumers that share the items of one channel.

use tokio::sync::mpsc::Receiver;

/// Runs two consumers, numbered 1 and 2, that take the items of `items`
/// between them, each calling `crate::work` on every item it takes. Returns
/// a pair (consumer, item) for each item, once every sender is dropped and
/// both consumers have finished.
pub async fn share(items: Receiver<u32>) -> Vec<(usize, u32)> {
    // Takes nothing, and returns at once. Your code here.
    drop(items);
    Vec::new()
}
