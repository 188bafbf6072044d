//! An async closure that pushes into a vector it borrows, called through
//! `AsyncFnMut` once per id.

use tokio::task::yield_now;

/// Runs `job` on each of `ids`, one after the other.
async fn for_each_id(ids: &[u32], mut job: impl AsyncFnMut(u32)) {
    for &id in ids {
        job(id).await;
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut done = Vec::new();
    for_each_id(&[1, 2, 3], async |id| {
        yield_now().await; // a pause, as real work would have
        done.push(id * 10);
        println!("job {id} done");
    })
    .await;
    println!("results: {done:?}");
}
