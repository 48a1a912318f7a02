//! The damped driven pendulum (`examples/pendulum.rs`): primal and gradient through 100,000
//! Euler steps, for the gradient/primal ratio and the comparison with the peers.

use autodiff_runtime::differentiable;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const G: f64 = 9.81;
const THETA0: f64 = 0.2;
const OMEGA0: f64 = 0.0;
const DT: f64 = 1e-3;

#[differentiable]
fn pendulum_loss(l: f64, c: f64, a: f64, w: f64, n: usize) -> f64 {
    let g_over_l = G / l;
    let mut theta = THETA0;
    let mut omega = OMEGA0;
    let mut sum = 0.0;
    for k in 0..n {
        let t = k as f64 * DT;
        let acc = -g_over_l * theta.sin() - c * omega + a * (w * t).cos();
        (theta, omega) = (theta + DT * omega, omega + DT * acc);
        sum = sum + theta * theta;
    }
    sum / n as f64
}

fn bench(c: &mut Criterion) {
    let n = 100_000;
    let mut group = c.benchmark_group("pendulum");
    group.bench_function(BenchmarkId::new("primal", n), |b| {
        b.iter(|| pendulum_loss(black_box(1.0), black_box(0.5), black_box(0.3), black_box(1.5), black_box(n)))
    });
    group.bench_function(BenchmarkId::new("value_and_grad", n), |b| {
        b.iter(|| {
            pendulum_loss::value_and_grad(black_box(1.0), black_box(0.5), black_box(0.3), black_box(1.5), black_box(n))
        })
    });
    group.bench_function(BenchmarkId::new("jvp", n), |b| {
        b.iter(|| {
            pendulum_loss::jvp(
                black_box(1.0),
                black_box(0.5),
                black_box(0.3),
                black_box(1.5),
                black_box(n),
                1.0,
                0.0,
                0.0,
                0.0,
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
