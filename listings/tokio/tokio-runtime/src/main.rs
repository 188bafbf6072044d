//! What `#[tokio::main(flavor = "current_thread")]` writes, spelled out;
//! and what becomes of a task whose `JoinHandle` is dropped, or aborted,
//! or that still waits when the runtime is dropped.

use std::time::Duration;

use tokio::runtime::Builder;
use tokio::sync::mpsc;
use tokio::time::sleep;

/// Says when it is dropped, and so when the future that owns it is.
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("    dropped: {}", self.0);
    }
}

fn main() {
    // What the attribute writes around the body of an `async fn main`: a
    // runtime for this thread, with its drivers, and `block_on`.
    let runtime = Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime for this thread");
    runtime.block_on(body());
    println!("main: block_on returned; now the runtime is dropped");
    drop(runtime);
    println!("main: done");
}

async fn body() {
    // Dropping a `JoinHandle` detaches its task: the task runs on.
    let (sender, mut reports) = mpsc::unbounded_channel();
    let detached = tokio::spawn(async move {
        sleep(Duration::from_millis(50)).await;
        let _ = sender.send("the detached task ran to its end");
    });
    drop(detached);
    println!("body: dropped the first JoinHandle");
    if let Some(report) = reports.recv().await {
        println!("body: {report}");
    }

    // `abort` cancels: the runtime drops the task's future.
    let noisy = Noisy("the aborted task's future");
    let aborted = tokio::spawn(async move {
        let _noisy = noisy;
        sleep(Duration::from_secs(60)).await;
    });
    aborted.abort();
    let cancelled = aborted.await.is_err_and(|error| error.is_cancelled());
    println!("body: the aborted task was cancelled: {cancelled}");

    // A task still waiting when `block_on` returns goes with the runtime.
    let (started, mut waiting) = mpsc::unbounded_channel();
    let noisy = Noisy("the unfinished task's future");
    tokio::spawn(async move {
        let _noisy = noisy;
        let _ = started.send(());
        sleep(Duration::from_secs(60)).await;
    });
    // The task runs until its first `.await` before `body` is polled again.
    waiting.recv().await;
    println!("body: the last task started, and waits at its sleep");
    println!("body: returns, one task unfinished");
}
