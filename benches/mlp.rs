//! The digits MLP (`examples/mlp_digits.rs`), one minibatch of 32 rows at H = 704: the
//! forward pass, the loss with its gradient, and a whole training step (gradient + Adam).

#[path = "../examples/shared/digits_data.rs"]
mod digits_data;
#[path = "../examples/shared/mlp_model.rs"]
mod mlp_model;

use autodiff_runtime::optim::Adam;
use criterion::{Criterion, criterion_group, criterion_main};
use digits_data::{DIGITS_CSV, batches, init_params, load};
use mlp_model::{loss_and_grad, loss_of, train_step};
use std::hint::black_box;

/// Large buffers (results, partials, gradients) recur every step; keeping freed ones avoids
/// the page faults of fresh memory (see `autodiff_runtime::alloc`).
#[global_allocator]
static ALLOC: autodiff_runtime::alloc::CachingAlloc = autodiff_runtime::alloc::CachingAlloc::new(1 << 30);

fn bench(c: &mut Criterion) {
    let data = load(DIGITS_CSV).expect("the digits data");
    let p = mlp_model::shared(init_params(704));
    let idx = &batches(1)[0][0];
    let (x, y) = data.train.batch(idx);
    let mut group = c.benchmark_group("mlp");
    group.bench_function("forward", |b| b.iter(|| loss_of(black_box(&p), &x, &y)));
    group.bench_function("value_and_grad", |b| b.iter(|| loss_and_grad(black_box(&p), &x, &y)));
    let mut q = p.clone();
    let mut adam = Adam::new(&q, 1e-3);
    group.bench_function("train_step", |b| b.iter(|| train_step(&mut q, &mut adam, &x, &y)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
