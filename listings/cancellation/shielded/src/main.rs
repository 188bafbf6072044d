//! A save that a timeout cuts short when it is awaited in place, and that
//! runs to its end in a task of its own.

use std::time::Duration;

use tokio::time::{sleep, timeout};
use user_input::flags::{self, Clock};

/// How many steps a save takes, each `STEP` long.
const STEPS: u32 = 3;
const STEP: Duration = Duration::from_millis(100);
/// How long the caller waits for a save.
const LIMIT: Duration = Duration::from_millis(150);

fn main() {
    let clock: Clock = flags::from_env();
    let runtime = clock_runtime::runtime(clock);
    runtime.block_on(async {
        println!("-- awaited in place --");
        in_place().await;
        println!("-- in a task of its own --");
        in_a_task().await;
    });
}

// ANCHOR: save
/// Says, when it is dropped, how many steps of its save were done.
struct Progress {
    name: &'static str,
    steps: u32,
}

impl Drop for Progress {
    fn drop(&mut self) {
        let Progress { name, steps } = self;
        println!("  {name}: ends with {steps} of {STEPS} steps saved");
    }
}

async fn save(name: &'static str) -> &'static str {
    let mut progress = Progress { name, steps: 0 };
    for _ in 0..STEPS {
        sleep(STEP).await;
        progress.steps += 1;
    }
    name
}
// ANCHOR_END: save

// ANCHOR: callers
async fn in_place() {
    match timeout(LIMIT, save("record 1")).await {
        Ok(name) => println!("caller: {name} saved"),
        Err(_) => println!("caller: gave up after {LIMIT:?}"),
    }
}

async fn in_a_task() {
    let mut task = tokio::spawn(save("record 2"));
    match timeout(LIMIT, &mut task).await {
        Ok(saved) => println!("caller: {} saved", saved.expect("no panic")),
        Err(_) => println!("caller: gave up after {LIMIT:?}"),
    }
    // Only the `&mut task` was dropped: the task runs on, and can be awaited.
    let name = task.await.expect("the save does not panic");
    println!("caller: {name} saved after all");
}
// ANCHOR_END: callers
