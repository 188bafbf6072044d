use std::thread;

const PARTS: usize = 4;

fn main() {
    let numbers: Vec<u64> = (1..=1_000_000).collect();
    let part_len = numbers.len().div_ceil(PARTS);

    // Scoped threads may borrow `numbers`: the scope joins every
    // thread before it returns, so the borrow cannot outlive the data.
    let partial_sums: Vec<u64> = thread::scope(|s| {
        let handles: Vec<_> = numbers
            .chunks(part_len)
            .map(|part| s.spawn(move || part.iter().sum::<u64>()))
            .collect();
        // Join in spawn order, whichever thread finishes first.
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });

    for (i, sum) in partial_sums.iter().enumerate() {
        println!("part {i}: {sum}");
    }
    let total: u64 = partial_sums.iter().sum();
    println!("total: {total}");
    println!("one thread gets: {}", numbers.iter().sum::<u64>());
}
