use std::sync::{Arc, Mutex};
use std::thread;

const THREADS: u64 = 4;
const SPAN: u64 = 50_000;

fn main() {
    // Shared by every thread: `Arc` gives each one an owning handle,
    // `Mutex` lets one thread at a time change the list.
    let counts = Arc::new(Mutex::new(Vec::new()));

    let mut handles = Vec::new();
    for t in 0..THREADS {
        let counts = Arc::clone(&counts);
        handles.push(thread::spawn(move || {
            let primes = (t * SPAN..(t + 1) * SPAN).filter(|&k| is_prime(k)).count();
            counts.lock().unwrap().push((t, primes));
        }));
    }
    for handle in handles {
        handle.join().unwrap();
    }

    // Threads finish in any order: sort to print the same text every run.
    let mut counts = counts.lock().unwrap();
    counts.sort();
    for &(t, primes) in counts.iter() {
        let (start, end) = (t * SPAN, (t + 1) * SPAN);
        println!("thread {t}: {primes} primes in {start}..{end}");
    }
    let total: usize = counts.iter().map(|&(_, primes)| primes).sum();
    println!("total: {total} primes below {}", THREADS * SPAN);
}

fn is_prime(k: u64) -> bool {
    k >= 2
        && (2..)
            .take_while(|d| d * d <= k)
            .all(|d| !k.is_multiple_of(d))
}
