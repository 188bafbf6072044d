//! Does not compile: a generic function spawns the future of an `async fn`
//! declared in a trait, and nothing says that this future is `Send`.

use tokio::task::JoinHandle;

// ANCHOR: spawn
trait Probe {
    /// Takes one reading.
    async fn read() -> u32;
}

/// Takes a reading of `P` in a task of its own.
fn read_in_task<P: Probe + 'static>() -> JoinHandle<u32> {
    tokio::spawn(P::read())
}
// ANCHOR_END: spawn

struct Thermometer;

impl Probe for Thermometer {
    async fn read() -> u32 {
        21
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let reading = read_in_task::<Thermometer>().await;
    println!("{} degrees", reading.expect("the task does not panic"));
}
