//! Higher-order derivatives: the ten derivatives of sinc at 256 points (Taylor mode), and
//! Hessian-vector products (forward over reverse) against one gradient, for a scalar loop
//! (the pendulum), an elementwise array function (Rosenbrock) and a small MLP loss.

#[path = "../examples/shared/pendulum_model.rs"]
mod pendulum_model;
#[path = "../examples/shared/sinc_reference.rs"]
mod sinc_reference;

use autodiff_runtime::{ArrayMath, differentiable};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ndarray::{Array1, Array2, s};
use pendulum_model::{P0, pendulum_loss};
use std::hint::black_box;

/// Large arrays are reused instead of handed back to the kernel on every call, as in the MLP
/// bench (`autodiff_runtime::alloc`): otherwise page faults of fresh 1.6 MB arrays of jets
/// dominate the array cases, by an amount that depends on the C allocator's history.
#[global_allocator]
static ALLOC: autodiff_runtime::alloc::CachingAlloc = autodiff_runtime::alloc::CachingAlloc::new(1 << 30);

#[differentiable(order = 2)]
fn sinc(x: &Array1<f64>) -> Array1<f64> {
    x.sin() / x
}

#[differentiable(order = 2)]
fn rosenbrock(x: &Array1<f64>) -> f64 {
    let a = x.slice(s![..-1]);
    let b = x.slice(s![1..]);
    let u = 1.0 - &a;
    let v = &b - &a * &a;
    (&u * &u + 100.0 * &v * &v).sum()
}

#[differentiable(order = 2, wrt(w1, w2))]
fn mlp_loss(w1: &Array2<f64>, w2: &Array1<f64>, x: &Array2<f64>, y: &Array1<f64>) -> f64 {
    let hidden = x.dot(w1).tanh();
    let out = hidden.dot(w2);
    let r = &out - y;
    (&r * &r).mean().unwrap() * 0.5
}

fn bench_sinc(c: &mut Criterion) {
    let xs = sinc_reference::points();
    let mut group = c.benchmark_group("sinc");
    group.bench_function("all_ten_orders", |b| b.iter(|| sinc::derivatives::<10>(black_box(&xs))));
    group.bench_function("value_and_first", |b| b.iter(|| sinc::egrad(black_box(&xs))));
    group.finish();
}

fn bench_hvp(c: &mut Criterion) {
    let mut group = c.benchmark_group("hvp");
    let n = 100_000;
    let p = P0;
    group.bench_function(BenchmarkId::new("pendulum_grad", n), |b| {
        b.iter(|| pendulum_loss::value_and_grad(black_box(p[0]), p[1], p[2], p[3], black_box(n)))
    });
    group.bench_function(BenchmarkId::new("pendulum_hvp", n), |b| {
        b.iter(|| pendulum_loss::hvp(black_box(p[0]), p[1], p[2], p[3], black_box(n), 1.0, 0.5, -0.3, 0.2))
    });

    let m = 100_000;
    let x = Array1::from_shape_fn(m, |i| (i as f64 * 0.37).sin());
    let v = Array1::from_shape_fn(m, |i| (i as f64 * 0.11).cos());
    group.bench_function(BenchmarkId::new("rosenbrock_grad", m), |b| b.iter(|| rosenbrock::grad(black_box(&x))));
    group.bench_function(BenchmarkId::new("rosenbrock_hvp", m), |b| {
        b.iter(|| rosenbrock::hvp(black_box(&x), v.clone()))
    });

    let (batch, inputs, hidden) = (32, 64, 32);
    let w1 = Array2::from_shape_fn((inputs, hidden), |(i, j)| ((i * hidden + j) as f64 * 0.13).sin() * 0.1);
    let w2 = Array1::from_shape_fn(hidden, |j| (j as f64 * 0.7).cos() * 0.3);
    let xb = Array2::from_shape_fn((batch, inputs), |(i, j)| ((i * inputs + j) as f64 * 0.05).cos());
    let yb = Array1::from_shape_fn(batch, |i| (i as f64 * 0.3).sin());
    let (v1, v2) = (w1.mapv(|a| a * 0.5 + 0.01), w2.mapv(|a| 0.2 - a));
    let size = format!("{batch}x{inputs}x{hidden}");
    group.bench_function(BenchmarkId::new("mlp_grad", &size), |b| {
        b.iter(|| mlp_loss::grad(black_box(&w1), &w2, &xb, &yb))
    });
    group.bench_function(BenchmarkId::new("mlp_hvp", &size), |b| {
        b.iter(|| mlp_loss::hvp(black_box(&w1), &w2, &xb, &yb, v1.clone(), v2.clone()))
    });
    group.finish();
}

criterion_group!(benches, bench_sinc, bench_hvp);
criterion_main!(benches);
