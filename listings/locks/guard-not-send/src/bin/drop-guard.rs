//! Does not compile either: the guard is dropped before the `.await`, by
//! `drop`, but rustc still counts it as held there.

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
        let saving = *guard;
        drop(guard); // unlocked here, yet the task is still not `Send`
        sleep(Duration::from_millis(100)).await;
        println!("saved {saving}");
    });
    visit.await.expect("the visit does not panic");
    println!("count: {}", count.lock().unwrap());
}
