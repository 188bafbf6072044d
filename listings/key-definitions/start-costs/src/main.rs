use std::collections::VecDeque;
use std::env;
use std::hint::black_box;
use std::process::{self, Command};
use std::thread;
use std::time::{Duration, Instant};

const PROCESSES: u32 = 200;
const THREADS: u32 = 2_000;
const TASKS: u32 = 200_000;

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    match args.as_slice() {
        [] => {}
        // A child started by `process_cost`: its only job is to exit.
        [flag] if flag == "--child" => return,
        _ => {
            eprintln!("error: this program takes no arguments");
            process::exit(2);
        }
    }

    let process = process_cost(PROCESSES);
    let thread = thread_cost(THREADS);
    let task = task_cost(TASKS);

    println!("mean time to start one and wait until it has finished:");
    println!("process: {:>10.3} µs ({PROCESSES} runs)", micros(process));
    println!("thread:  {:>10.3} µs ({THREADS} runs)", micros(thread));
    println!("task:    {:>10.3} µs ({TASKS} runs)", micros(task));
    let process_thread = ratio(process, thread);
    let thread_task = ratio(thread, task);
    println!("a process costs {process_thread:.0} times as much as a thread");
    println!("a thread costs {thread_task:.0} times as much as a task");
}

/// Mean time to start a child process and wait for it to exit.
fn process_cost(runs: u32) -> Duration {
    let me = env::current_exe().unwrap_or_else(|e| fail(&e.to_string()));
    let start = Instant::now();
    for _ in 0..runs {
        // `status()` starts the child and waits for it, which reaps it.
        match Command::new(&me).arg("--child").status() {
            Ok(status) if status.success() => {}
            Ok(status) => fail(&format!("child ended with {status}")),
            Err(e) => fail(&format!("cannot start a child: {e}")),
        }
    }
    start.elapsed() / runs
}

/// Mean time to start a thread and join it.
fn thread_cost(runs: u32) -> Duration {
    let start = Instant::now();
    for i in 0..runs {
        thread::spawn(move || black_box(i)).join().unwrap();
    }
    start.elapsed() / runs
}

/// Mean time to put a boxed task on a run queue and run it to the end.
fn task_cost(runs: u32) -> Duration {
    let mut queue: VecDeque<Box<dyn FnOnce()>> = VecDeque::new();
    let start = Instant::now();
    for i in 0..runs {
        // The task captures `i`, so boxing it really allocates.
        queue.push_back(Box::new(move || {
            black_box(i);
        }));
        while let Some(task) = queue.pop_front() {
            task();
        }
    }
    start.elapsed() / runs
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    process::exit(1);
}
