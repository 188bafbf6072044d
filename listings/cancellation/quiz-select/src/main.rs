use std::time::Duration;
use tokio::time::sleep;

async fn step(name: &str, millis: u64) -> &str {
    sleep(Duration::from_millis(millis)).await;
    println!("{name} finished");
    name
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let winner = tokio::select! {
        name = step("a", 50) => name,
        name = step("b", 10) => name,
    };
    sleep(Duration::from_millis(100)).await;
    println!("winner: {winner}");
}
