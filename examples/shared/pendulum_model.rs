//! The damped driven pendulum model, shared by `examples/pendulum.rs`, `benches/pendulum.rs`
//! and `tests/pendulum.rs`.
//!
//! ```text
//! θ'' = −(g/L)·sin θ − c·θ' + A·cos(w·t),   g = 9.81
//! θ₀ = 0.2, ω₀ = 0;  dt = 1e-3;  explicit Euler, t = k·dt at step k
//! loss = (1/N)·Σ θ_k²   over the states after each step
//! ```

// Each of the three users takes only part of this module.
#![allow(dead_code)]

use autodiff_runtime::differentiable;

pub const G: f64 = 9.81;
pub const THETA0: f64 = 0.2;
pub const OMEGA0: f64 = 0.0;
pub const DT: f64 = 1e-3;

/// The parameters (L, c, A, w) of the reference runs.
pub const P0: [f64; 4] = [1.0, 0.5, 0.3, 1.5];

/// Mean of θ² over `n` explicit Euler steps of the damped driven pendulum.
/// `order = 2` adds Hessian-vector products (forward over reverse) and Taylor-mode derivatives.
#[differentiable(order = 2)]
pub fn pendulum_loss(l: f64, c: f64, a: f64, w: f64, n: usize) -> f64 {
    let g_over_l = G / l;
    let mut theta = THETA0;
    let mut omega = OMEGA0;
    let mut sum = 0.0;
    for k in 0..n {
        let t = k as f64 * DT;
        let acc = -g_over_l * theta.sin() - c * omega + a * (w * t).cos();
        (theta, omega) = (theta + DT * omega, omega + DT * acc);
        sum += theta * theta;
    }
    sum / n as f64
}

/// Complex-step reference values `(N, loss, gradient)` from the workload's definition.
pub const REFERENCE: [(usize, f64, [f64; 4]); 2] = [
    (
        100_000,
        0.0010542823035613838,
        [0.0018488292118384506, -0.0005325759543863541, 0.00476613851739951, 0.00044463588310777585],
    ),
    (
        10_000,
        0.003497687771978552,
        [0.0009580654257176513, -0.0047819010420429905, 0.0008470065670523081, 0.00036246796650455954],
    ),
];
