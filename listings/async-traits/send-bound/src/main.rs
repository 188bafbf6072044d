//! The trait promises that every implementation's future is `Send`, so a
//! generic function may spawn it; the implementations still use `async fn`.

use tokio::task::{JoinHandle, yield_now};

// ANCHOR: trait
trait Probe {
    /// Takes one reading, in a future that may cross threads.
    fn read() -> impl Future<Output = u32> + Send;
}

/// Takes a reading of `P` in a task of its own.
fn read_in_task<P: Probe + 'static>() -> JoinHandle<u32> {
    tokio::spawn(P::read())
}
// ANCHOR_END: trait

// ANCHOR: impls
struct Thermometer;

impl Probe for Thermometer {
    async fn read() -> u32 {
        yield_now().await; // waits once, as a real sensor would
        21
    }
}

struct Barometer;

impl Probe for Barometer {
    async fn read() -> u32 {
        1013
    }
}
// ANCHOR_END: impls

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let temperature = read_in_task::<Thermometer>();
    let pressure = read_in_task::<Barometer>();
    let temperature = temperature.await.expect("the task does not panic");
    let pressure = pressure.await.expect("the task does not panic");
    println!("thermometer: {temperature} degrees");
    println!("barometer: {pressure} hPa");
}
