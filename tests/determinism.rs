//! Gradients are bitwise identical from run to run and whatever the number of threads.
//!
//! The workloads are large enough for every parallel path of the runtime: blocked matrix
//! products, elementwise kernels, chunked sums, softmax and logsumexp, FFT rows and columns,
//! and the products of jet matrices behind `hvp`. The test runs them in fresh processes of
//! this test binary with `RAYON_NUM_THREADS` = 1, 2, 4 and 2 again, and compares a digest of
//! every bit of every result with the one computed in this process.

use autodiff_runtime::ndarray::{Array2, Axis};
use autodiff_runtime::{ArrayExt, Complex64, ComplexMath, FftExt, differentiable};
use std::process::Command;

#[differentiable(order = 2, wrt(w1, w2))]
fn network(w1: &Array2<f64>, w2: &Array2<f64>, x: &Array2<f64>) -> f64 {
    let h = x.dot(w1).mapv(|v| v.tanh());
    let z = h.dot(w2);
    let p = z.softmax(Axis(1));
    (p * &h).sum() + (&h * &h).mean().unwrap() + z.logsumexp(Axis(0)).sum()
}

#[differentiable]
fn spectrum(z: Array2<Complex64>) -> f64 {
    let f = z.fft2();
    let g = f.fftshift().ifft2();
    (g.norm_sqr() * z.re()).sum()
}

fn matrix(rows: usize, cols: usize, seed: f64) -> Array2<f64> {
    Array2::from_shape_fn((rows, cols), |(i, j)| ((i * cols + j) as f64 * 0.37 + seed).sin() * 0.2)
}

/// FNV-1a over the bits of every value.
fn digest<'a>(values: impl IntoIterator<Item = &'a f64>) -> u64 {
    values.into_iter().fold(0xcbf2_9ce4_8422_2325, |h, v| {
        v.to_bits().to_le_bytes().iter().fold(h, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3))
    })
}

/// Gradients, a Hessian-vector product and a complex gradient, digested.
fn results() -> u64 {
    let (w1, w2, x) = (matrix(256, 256, 0.1), matrix(256, 256, 0.7), matrix(256, 256, 1.3));
    let (value, (g1, g2)) = network::value_and_grad(&w1, &w2, &x);
    let (h1, h2) = network::hvp(&w1, &w2, &x, matrix(256, 256, 2.1), matrix(256, 256, 2.9));
    let z =
        Array2::from_shape_fn((512, 512), |(i, j)| Complex64::new((i as f64 * 0.01).sin(), (j as f64 * 0.02).cos()));
    let (power, gz) = spectrum::value_and_grad(z);
    let complex_parts: Vec<f64> = gz.iter().flat_map(|c| [c.re, c.im]).collect();
    digest([value, power].iter().chain(&g1).chain(&g2).chain(&h1).chain(&h2).chain(&complex_parts))
}

#[test]
fn gradients_are_bitwise_identical_across_runs_and_thread_counts() {
    if std::env::var_os("AUTODIFF_DETERMINISM_CHILD").is_some() {
        println!("digest {:016x}", results());
        return;
    }
    let here = results();
    let exe = std::env::current_exe().expect("the test binary");
    for threads in [1, 2, 4, 2] {
        let out = Command::new(&exe)
            .args(["--exact", "gradients_are_bitwise_identical_across_runs_and_thread_counts", "--nocapture"])
            .env("AUTODIFF_DETERMINISM_CHILD", "1")
            .env("RAYON_NUM_THREADS", threads.to_string())
            .output()
            .expect("a run of the test binary");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "the run with {threads} threads failed:\n{stdout}");
        let theirs = stdout.lines().find_map(|l| l.strip_prefix("digest ")).expect("a digest in the child's output");
        assert_eq!(theirs, format!("{here:016x}"), "the run with {threads} threads differs from this one");
    }
}
