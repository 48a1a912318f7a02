//! The damped driven pendulum (`examples/pendulum.rs`): primal and gradient through 100,000
//! Euler steps, for the gradient/primal ratio and the comparison with the peers.

#[path = "../examples/shared/pendulum_model.rs"]
mod pendulum_model;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use pendulum_model::pendulum_loss;
use std::hint::black_box;

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
