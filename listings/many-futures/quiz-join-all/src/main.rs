use futures::future::join_all;
use std::time::Duration;
use tokio::time::sleep;

async fn job(id: u64, millis: u64) -> u64 {
    sleep(Duration::from_millis(millis)).await;
    println!("job {id} done");
    id
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let ids = join_all([job(1, 30), job(2, 10), job(3, 20)]).await;
    println!("{ids:?}");
}
