//! Which runtimes run a spawned task while the main thread is busy with
//! something else, outside any `block_on`: a pool of threads does, a
//! runtime on the main thread does not.

use std::rc::Rc;
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::Duration;

use tokio::runtime::Builder;

// ANCHOR: check
/// Blocks the main thread for up to `wait`, outside any `block_on`, until
/// a task reports; says on which thread it ran, or that it did not.
fn report(label: &str, ran: &Receiver<String>, wait: Duration) {
    match ran.recv_timeout(wait) {
        Ok(thread) => println!("{label}: ran on thread {thread}"),
        Err(_) => println!("{label}: had not run after {wait:?}"),
    }
}

/// The name of the thread that calls it.
fn here() -> String {
    thread::current().name().unwrap_or("unnamed").to_string()
}
// ANCHOR_END: check

// ANCHOR: main
fn main() {
    let (sender, ran) = mpsc::channel();
    let nothing = Duration::from_millis(300); // a wait that shows nothing runs
    let enough = Duration::from_secs(10); // far more than a pool ever needs

    let one_thread = Builder::new_current_thread().build().expect("a runtime");
    let to = sender.clone();
    let task = one_thread.spawn(async move { to.send(here()).unwrap() });
    report("tokio current-thread, before block_on", &ran, nothing);
    one_thread.block_on(task).expect("no panic");
    report("tokio current-thread, after block_on", &ran, nothing);

    let pool = Builder::new_multi_thread().worker_threads(2).build();
    let pool = pool.expect("a runtime");
    let to = sender.clone();
    pool.spawn(async move { to.send(here()).unwrap() });
    report("tokio multi-thread, no block_on", &ran, enough);

    let to = sender.clone();
    smol::spawn(async move { to.send(here()).unwrap() }).detach();
    report("smol::spawn, no block_on", &ran, enough);

    // A `LocalExecutor` runs its tasks only on this thread, while it is
    // driven (here by `run`): they need not be `Send`, nor `'static`. This
    // task owns an `Rc` and borrows `local`.
    let local = String::from("a local");
    let borrowed = &local;
    let to = Rc::new(sender); // an `Rc` is not `Send`
    let executor = smol::LocalExecutor::new();
    let task = executor.spawn(async move {
        to.send(format!("{}, and borrowed {borrowed:?}", here()))
            .unwrap();
    });
    report("smol LocalExecutor, before run", &ran, nothing);
    smol::block_on(executor.run(task));
    report("smol LocalExecutor, after run", &ran, nothing);
}
// ANCHOR_END: main

#[cfg(test)]
mod tests {
    use super::*;

    /// Sends on its channel when it is dropped.
    struct Guard(mpsc::Sender<&'static str>);

    impl Drop for Guard {
        fn drop(&mut self) {
            let _ = self.0.send("dropped");
        }
    }

    /// A smol `Task` dropped without `detach` cancels its task: the task's
    /// future, and the guard it owns, are dropped though it never ends.
    #[test]
    fn dropping_a_smol_task_cancels_it() {
        let (sender, dropped) = mpsc::channel();
        let guard = Guard(sender);
        let task = smol::spawn(async move {
            let _guard = guard;
            std::future::pending::<()>().await;
        });
        drop(task);
        assert_eq!(dropped.recv_timeout(Duration::from_secs(10)), Ok("dropped"));
    }
}
