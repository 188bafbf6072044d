//! Does not compile: a spawned task borrows a local variable of `main`.

use std::time::Duration;

use tokio::time::sleep;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let names = vec!["Ada", "Grace"];
    // The task may run longer than `main`'s body: `names` would be gone.
    let greeter = tokio::spawn(async {
        sleep(Duration::from_millis(100)).await;
        println!("hello, {}", names.join(" and "));
    });
    greeter.await.expect("the greeter does not panic");
}
