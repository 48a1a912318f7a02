//! Runs one pendulum computation (`primal`, `grad` or `jvp`) for instruction counting:
//! `valgrind --tool=callgrind target/release/examples/pendulum_one grad`.

#[path = "shared/pendulum_model.rs"]
mod pendulum_model;

use pendulum_model::{P0, pendulum_loss};
use std::hint::black_box;

fn main() {
    let what = std::env::args().nth(1).unwrap_or_else(|| "grad".into());
    let n = 100_000;
    let [l, c, a, w] = black_box(P0);
    let out = match what.as_str() {
        "primal" => pendulum_loss(l, c, a, w, n),
        "grad" => pendulum_loss::value_and_grad(l, c, a, w, n).1.0,
        "jvp" => pendulum_loss::jvp(l, c, a, w, n, 1.0, 0.0, 0.0, 0.0).1,
        other => {
            eprintln!("usage: pendulum_one primal|grad|jvp (got {other:?})");
            std::process::exit(2)
        }
    };
    println!("{out:e}");
}
