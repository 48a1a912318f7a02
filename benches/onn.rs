//! The optical network (`examples/optical_network.rs`): one loss (a forward pass through the
//! 32 plates), one gradient, and one training step (gradient, update, loss), at dim 128; the
//! gradient at dim 512 too, for the parallel speed-up.

#[path = "../examples/shared/onn_model.rs"]
mod onn_model;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ndarray::Array2;
use onn_model::*;
use std::hint::black_box;

/// Large buffers recur every step; keeping freed ones avoids fresh pages (as the example does).
#[global_allocator]
static ALLOC: autodiff_runtime::alloc::CachingAlloc = autodiff_runtime::alloc::CachingAlloc::new(1 << 31);

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("onn");
    group.sample_size(20);
    for dim in [DIM, 512] {
        let u0 = wavefront(dim);
        let y = if dim == DIM {
            load_target(SMILEY_PNG, DIM).unwrap()
        } else {
            Array2::from_shape_fn((dim, dim), |(i, j)| if (i / 64 + j / 64) % 2 == 0 { 0.5 } else { 0.0 })
        };
        let h = transfer_function(dim, DIST);
        let plates = flat_plates(N_PLATES, dim);
        group.bench_function(BenchmarkId::new("loss", dim), |b| b.iter(|| loss(&u0, &y, black_box(&plates), &h)));
        group.bench_function(BenchmarkId::new("value_and_grad", dim), |b| {
            b.iter(|| loss::value_and_grad(&u0, &y, black_box(&plates), &h))
        });
        if dim == DIM {
            let grads = loss::grad(&u0, &y, &plates, &h);
            group.bench_function(BenchmarkId::new("update", dim), |b| {
                b.iter_batched(|| plates.clone(), |mut p| descend(&mut p, &grads, LR), criterion::BatchSize::LargeInput)
            });
            group.bench_function(BenchmarkId::new("train_step", dim), |b| {
                b.iter_batched(
                    || plates.clone(),
                    |mut p| train_step(&u0, &y, &mut p, &h, LR),
                    criterion::BatchSize::LargeInput,
                )
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
