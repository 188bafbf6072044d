//! A call to a slow service, made again when it takes too long: each try
//! has a time limit, and the caller pauses between tries.

use std::time::Duration;

use tokio::time::{sleep, timeout};

// ANCHOR: retry
/// How long to wait for each try, how long to pause after a try that
/// timed out, and how many tries to make.
#[derive(Clone, Copy, Debug)]
pub struct Patience {
    pub tries: u32,
    pub per_try: Duration,
    pub pause: Duration,
}

/// Every try timed out.
#[derive(Debug, PartialEq, Eq)]
pub struct GaveUp {
    pub tries: u32,
}

/// Calls `call` until one of its futures ends within `per_try`, at most
/// `tries` times, and gives its answer.
pub async fn with_retries<T, F>(
    patience: Patience,
    mut call: impl FnMut() -> F,
) -> Result<T, GaveUp>
where
    F: Future<Output = T>,
{
    for attempt in 1..=patience.tries {
        if let Ok(answer) = timeout(patience.per_try, call()).await {
            return Ok(answer);
        }
        if attempt < patience.tries {
            sleep(patience.pause).await;
        }
    }
    Err(GaveUp {
        tries: patience.tries,
    })
}
// ANCHOR_END: retry
