use std::any::{type_name, type_name_of_val};

async fn greet() -> &'static str {
    "hello"
}

async fn add(a: u64, b: u64) -> u64 {
    a + b
}

async fn keep_buffer() -> usize {
    let buffer = [0_u8; 1024];
    // `buffer` is used after the await, so the future must store it.
    greet().await;
    buffer.len()
}

/// Prints what the compiler knows about a future without running it.
fn describe<F: Future>(future: &F) {
    println!("{}", type_name_of_val(future));
    println!("    bytes:  {}", size_of_val(future));
    println!("    output: {}", type_name::<F::Output>());
}

fn main() {
    describe(&greet());
    describe(&add(1, 2));
    describe(&keep_buffer());
}
