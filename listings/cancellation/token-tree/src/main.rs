//! One cancellation token for a tree of tasks: cancelling a branch stops the
//! tasks below it; cancelling the root stops them all.

use std::time::Duration;

use tokio::time::{Instant, sleep};
use tokio_util::sync::CancellationToken;
use user_input::flags::{self, Clock};

fn main() {
    let clock: Clock = flags::from_env();
    let runtime = clock_runtime::runtime(clock);
    runtime.block_on(tree());
}

// ANCHOR: worker
/// Ten seconds of work, unless `token` is cancelled first.
async fn worker(name: &str, token: CancellationToken) -> String {
    let start = Instant::now();
    tokio::select! {
        () = token.cancelled() => {
            let millis = start.elapsed().as_millis();
            format!("{name}: cancelled after {millis} ms")
        }
        () = sleep(Duration::from_secs(10)) => format!("{name}: done"),
    }
}
// ANCHOR_END: worker

// ANCHOR: tree
async fn tree() {
    let root = CancellationToken::new();
    let downloads = root.child_token();
    let first = tokio::spawn(worker("download 1", downloads.child_token()));
    let second = tokio::spawn(worker("download 2", downloads.child_token()));
    let upload = tokio::spawn(worker("upload", root.child_token()));

    sleep(Duration::from_millis(100)).await;
    println!("main: cancels downloads");
    downloads.cancel();
    for task in [first, second] {
        println!("{}", task.await.expect("no worker panics"));
    }
    println!("main: root cancelled? {}", root.is_cancelled());

    sleep(Duration::from_millis(100)).await;
    println!("main: cancels root");
    root.cancel();
    println!("{}", upload.await.expect("no worker panics"));
    let late = root.child_token();
    println!(
        "main: a child made now is cancelled? {}",
        late.is_cancelled()
    );
}
// ANCHOR_END: tree
