use std::env;
use std::process::{self, Child, Command, Stdio};

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    match args.as_slice() {
        [] => parent(),
        [flag, n] if flag == "--child" => child(n),
        _ => {
            eprintln!("error: this program takes no arguments");
            process::exit(2);
        }
    }
}

fn parent() {
    let me = env::current_exe().unwrap_or_else(|e| fail(&e.to_string()));

    // Start every child first, so that they can all run at the same time.
    let mut children: Vec<Child> = Vec::new();
    for n in 1..=3 {
        let spawned = Command::new(&me)
            .args(["--child", &n.to_string()])
            .stdout(Stdio::piped())
            .spawn();
        match spawned {
            Ok(child) => children.push(child),
            Err(e) => {
                // Leave nothing behind: stop and reap those already started.
                reap_all(children);
                fail(&format!("cannot start child {n}: {e}"));
            }
        }
    }

    // `wait_with_output` reads the child's output, then waits for it
    // to exit: that wait is what reaps it.
    for (n, child) in (1..).zip(children) {
        match child.wait_with_output() {
            Ok(out) => {
                let text = String::from_utf8_lossy(&out.stdout);
                println!("child {n} said: {}", text.trim_end());
                println!("child {n} ended with {}", out.status);
            }
            Err(e) => eprintln!("error: waiting for child {n}: {e}"),
        }
    }
    println!("every child has been waited for");
}

// The work of one child: count the primes below n * 10 000.
fn child(n: &str) {
    let Ok(n) = n.parse::<u64>() else {
        eprintln!("error: --child needs a whole number, got {n:?}");
        process::exit(2);
    };
    let limit = n * 10_000;
    let primes = (2..limit).filter(|&k| is_prime(k)).count();
    println!("{primes} primes below {limit}");
}

fn is_prime(k: u64) -> bool {
    (2..)
        .take_while(|d| d * d <= k)
        .all(|d| !k.is_multiple_of(d))
}

/// Stops each child and waits for it, so none is left as a zombie.
fn reap_all(children: Vec<Child>) {
    for mut child in children {
        let _ = child.kill();
        let _ = child.wait();
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    process::exit(1);
}
