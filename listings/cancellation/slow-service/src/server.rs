//! A delay service on 127.0.0.1. A request is one line, a number of
//! milliseconds; the reply comes that long after it, unless the client
//! hangs up first.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::sleep;

/// Starts the service on a port of 127.0.0.1 that the system picks, and
/// returns its address. It accepts `connections` connections, then no more.
pub async fn start(connections: usize) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port on 127.0.0.1");
    let address = listener.local_addr().expect("the port's address");
    tokio::spawn(async move {
        for _ in 0..connections {
            let (stream, _) = listener.accept().await.expect("a connection");
            tokio::spawn(serve(stream));
        }
    });
    address
}

// ANCHOR: serve
async fn serve(stream: TcpStream) {
    let mut stream = BufReader::new(stream);
    let mut request = String::new();
    stream.read_line(&mut request).await.expect("a request");
    let millis: u64 = request.trim().parse().expect("a number of ms");
    let mut more = [0; 1];
    tokio::select! {
        () = sleep(Duration::from_millis(millis)) => {
            let reply = format!("done after {millis} ms\n");
            let sent = stream.get_mut().write_all(reply.as_bytes()).await;
            sent.expect("the reply is sent");
        }
        // The client sends nothing more: this read ends only when it hangs up.
        _ = stream.read(&mut more) => {
            println!("server: the client of the {millis} ms request hung up");
        }
    }
}
// ANCHOR_END: serve
