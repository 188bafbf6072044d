//! Does not compile: a spawned task keeps a `std::sync::MutexGuard`
//! across an `.await`.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::sleep;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let count = Arc::new(Mutex::new(0_u32));
    let shared = Arc::clone(&count);
    let visit = tokio::spawn(async move {
        let mut guard = shared.lock().unwrap();
        *guard += 1;
        // The guard is still alive here, and after the `.await`.
        sleep(Duration::from_millis(100)).await;
        println!("saved {}", *guard);
    });
    visit.await.expect("the visit does not panic");
    println!("count: {}", count.lock().unwrap());
}
