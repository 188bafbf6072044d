async fn greet(name: &str) -> String {
    println!("greet runs");
    format!("Hello, {name}!")
}

fn main() {
    println!("calling greet");
    let future = greet("Ferris");
    println!("greet returned a future; its body has not run");
    // Dropping the future ends it: "greet runs" is never printed.
    drop(future);
    println!("dropped the future");
}
