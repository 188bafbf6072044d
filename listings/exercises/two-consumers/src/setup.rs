use std::time::Duration;

use tokio::time::sleep;

/// How long a consumer works on one item.
pub const WORK: Duration = Duration::from_millis(10);

/// A consumer's work on one item: it takes `WORK`, and only the clock
/// moves. The tests run on tokio's paused clock, so that takes no real time.
pub async fn work(_item: u32) {
    sleep(WORK).await;
}
