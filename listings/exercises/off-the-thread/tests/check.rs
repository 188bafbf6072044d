//! The exercise's tests. On the starter code each of them fails; on a
//! working answer each of them passes. Each runs on a current-thread
//! runtime: the runtime has one thread, and the steps the tests give
//! `run_steps` can only end well if a task on that thread gets a turn while
//! they run. No test measures a time. The clock is the real one, not the
//! paused one: an answer may run its steps on threads that tokio does not
//! know of, and a paused clock would jump to the end of `LIMIT` while the
//! runtime waited for them.

use std::sync::mpsc as std_mpsc;
use std::time::{Duration, Instant};

use tokio::sync::mpsc;
use tokio::time::timeout;

use off_the_thread::{Step, run_steps};

/// How long, in real time, the steps of one test wait for an answer in
/// all: a step that gets none by then gives up, and returns 0.
const WAIT: Duration = Duration::from_secs(2);

/// Longer than any test needs, in real time: an answer that never returns
/// fails instead of hanging.
const LIMIT: Duration = Duration::from_secs(30);

/// A question for the answering task: a number, and where to send the
/// answer.
type Question = (u64, std_mpsc::Sender<u64>);

/// A step that sends `number` to the answering task through `questions`,
/// then blocks its thread until the answer comes, or `deadline` passes.
/// It returns the answer, or 0 if none came.
fn ask(
    number: u64,
    questions: &mpsc::UnboundedSender<Question>,
    deadline: Instant,
) -> Step {
    let questions = questions.clone();
    Box::new(move || {
        let (answer, answers) = std_mpsc::channel();
        // `send` on an unbounded tokio channel never waits: any thread may
        // call it.
        let _ = questions.send((number, answer));
        let left = deadline.saturating_duration_since(Instant::now());
        answers.recv_timeout(left).unwrap_or(0)
    })
}

/// Spawns the answering task, an async task on the runtime's thread. Once
/// it holds `gather` questions, it answers each, in the reverse order of
/// their arrival, with ten times its number.
fn answer_in_groups_of(gather: usize) -> mpsc::UnboundedSender<Question> {
    let (questions, mut asked) = mpsc::unbounded_channel::<Question>();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Some(question) = asked.recv().await {
            held.push(question);
            if held.len() == gather {
                for (number, answer) in held.drain(..).rev() {
                    let _ = answer.send(10 * number);
                }
            }
        }
    });
    questions
}

#[tokio::test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
async fn a_task_answers_while_the_step_waits() {
    let deadline = Instant::now() + WAIT;
    let questions = answer_in_groups_of(1);
    let steps = vec![ask(7, &questions, deadline)];
    let numbers = timeout(LIMIT, run_steps(steps))
        .await
        .expect("run_steps returns");
    assert_eq!(
        numbers,
        [70],
        "the answering task got no turn while the step waited"
    );
}

#[tokio::test]
#[cfg_attr(not(feature = "solution"), ignore = "run with --include-ignored")]
async fn every_step_runs_at_the_same_time() {
    let deadline = Instant::now() + WAIT;
    // The task answers only once all three questions have come: each
    // step must be running while the others wait.
    let questions = answer_in_groups_of(3);
    let steps = (1..=3)
        .map(|number| ask(number, &questions, deadline))
        .collect();
    let numbers = timeout(LIMIT, run_steps(steps))
        .await
        .expect("run_steps returns");
    assert_eq!(
        numbers,
        [10, 20, 30],
        "0 is a step that waited in vain: not all at the same time"
    );
}
