//! Finite differences and comparisons shared by the array tests.

// Each test file takes part of this module.
#![allow(dead_code)]

use autodiff_runtime::ndarray::{Array, Dimension};

/// Central finite-difference gradient of `f` at `x`, one element at a time.
pub fn fd<D: Dimension>(f: impl Fn(&Array<f64, D>) -> f64, x: &Array<f64, D>) -> Array<f64, D> {
    let h = 1e-6;
    let mut g = Array::zeros(x.raw_dim());
    for (i, gi) in g.iter_mut().enumerate() {
        let (mut xp, mut xm) = (x.clone(), x.clone());
        xp.as_slice_mut().unwrap()[i] += h;
        xm.as_slice_mut().unwrap()[i] -= h;
        *gi = (f(&xp) - f(&xm)) / (2.0 * h);
    }
    g
}

/// Asserts `a ≈ b` elementwise, relative to `1 + |b|`.
#[track_caller]
pub fn close<D: Dimension>(a: &Array<f64, D>, b: &Array<f64, D>, tol: f64) {
    assert_eq!(a.shape(), b.shape());
    for (x, y) in a.iter().zip(b) {
        assert!((x - y).abs() <= tol * (1.0 + y.abs()), "{a} vs {b}");
    }
}
