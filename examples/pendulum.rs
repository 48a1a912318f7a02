//! The damped driven pendulum, differentiated through 100,000 explicit Euler steps.
//!
//! ```text
//! θ'' = −(g/L)·sin θ − c·θ' + A·cos(w·t),   g = 9.81
//! p = (L, c, A, w) = (1.0, 0.5, 0.3, 1.5);  θ₀ = 0.2, ω₀ = 0;  dt = 1e-3
//! for k in 0..N:  t = k·dt;  acc = −(g/L)·sin θ − c·ω + A·cos(w·t)
//!                 (θ, ω) = (θ + dt·ω, ω + dt·acc)
//! loss = (1/N)·Σ θ_k²   over the states after each step
//! ```
//!
//! The simulation is a plain loop in a `#[differentiable]` function; the example prints the
//! loss and its gradient with respect to (L, c, A, w), compares them with the complex-step
//! reference, and checks the gradient against central finite differences.
//!
//! Run: `cargo run --release --example pendulum [N]`

#[path = "shared/pendulum_model.rs"]
mod pendulum_model;

use pendulum_model::{P0, REFERENCE, pendulum_loss};
use std::time::Instant;

fn main() {
    let n: usize = match std::env::args().nth(1) {
        Some(arg) => arg.parse().unwrap_or_else(|_| {
            eprintln!("usage: pendulum [N]  (N: number of Euler steps, a positive integer; got {arg:?})");
            std::process::exit(2)
        }),
        None => 100_000,
    };
    if n == 0 {
        eprintln!("usage: pendulum [N]  (N must be at least 1)");
        std::process::exit(2);
    }
    let p = P0;

    let start = Instant::now();
    let loss = pendulum_loss(p[0], p[1], p[2], p[3], n);
    let primal = start.elapsed();
    let start = Instant::now();
    let (value, (dl, dc, da, dw)) = pendulum_loss::value_and_grad(p[0], p[1], p[2], p[3], n);
    let gradient = start.elapsed();
    let grad = [dl, dc, da, dw];
    assert_eq!(value, loss, "value_and_grad returns the primal value");

    println!("damped driven pendulum, N = {n} steps");
    println!("loss = {loss:.17e}");
    for (name, g) in ["L", "c", "A", "w"].iter().zip(grad) {
        println!("dloss/d{name} = {g:+.17e}");
    }
    println!("primal {:.3} ms, value_and_grad {:.3} ms", primal.as_secs_f64() * 1e3, gradient.as_secs_f64() * 1e3);

    if let Some((_, ref_loss, ref_grad)) = REFERENCE.iter().find(|r| r.0 == n) {
        let rel = |a: f64, b: f64| ((a - b) / b).abs();
        let worst = grad.iter().zip(ref_grad).map(|(g, r)| rel(*g, *r)).fold(rel(loss, *ref_loss), f64::max);
        println!("max relative difference from the complex-step reference: {worst:.2e}");
        assert!(worst < 1e-9, "gradient differs from the reference by {worst:e}");
    }

    // Central differences on a short run, as an independent check of the transform.
    let m = n.min(2000);
    let g = pendulum_loss::grad(p[0], p[1], p[2], p[3], m);
    let g = [g.0, g.1, g.2, g.3];
    for i in 0..4 {
        let h = 1e-6;
        let (mut hi, mut lo) = (p, p);
        hi[i] += h;
        lo[i] -= h;
        let fd =
            (pendulum_loss(hi[0], hi[1], hi[2], hi[3], m) - pendulum_loss(lo[0], lo[1], lo[2], lo[3], m)) / (2.0 * h);
        assert!((g[i] - fd).abs() <= 1e-6 * fd.abs().max(1e-6), "component {i}: {} vs {fd}", g[i]);
    }
    println!("finite-difference check on {m} steps: ok");
}
