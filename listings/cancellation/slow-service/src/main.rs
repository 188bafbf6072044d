//! Requests to a slow service, bounded by `timeout` and raced with
//! `select!`. The service is `server`, on 127.0.0.1, started by `main`.

mod server;

use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::time::{sleep, timeout};

// ANCHOR: ask
/// Asks the service at `address` to reply after `millis` ms; returns the
/// reply.
async fn ask(address: SocketAddr, millis: u64) -> String {
    let stream = TcpStream::connect(address).await.expect("a connection");
    let mut stream = BufReader::new(stream);
    let request = format!("{millis}\n");
    let sent = stream.get_mut().write_all(request.as_bytes()).await;
    sent.expect("the request is sent");
    let mut reply = String::new();
    stream.read_line(&mut reply).await.expect("a reply");
    reply.trim_end().to_string()
}
// ANCHOR_END: ask

/// How long the client waits for a reply.
const LIMIT: Duration = Duration::from_millis(200);

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let address = server::start(4).await;
    // ANCHOR: timeout
    println!("-- timeout --");
    for millis in [30, 400] {
        match timeout(LIMIT, ask(address, millis)).await {
            Ok(reply) => println!("client: asked for {millis} ms, got {reply:?}"),
            Err(_) => {
                println!("client: asked for {millis} ms, gave up after {LIMIT:?}")
            }
        }
    }
    // ANCHOR_END: timeout
    // Time for the server to notice, before the next part.
    sleep(Duration::from_millis(50)).await;
    // ANCHOR: select
    println!("-- select! --");
    tokio::select! {
        reply = ask(address, 40) => {
            println!("client: the 40 ms request won: {reply:?}");
        }
        reply = ask(address, 300) => {
            println!("client: the 300 ms request won: {reply:?}");
        }
    }
    // ANCHOR_END: select
    sleep(Duration::from_millis(50)).await;
}
