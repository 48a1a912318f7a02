//! Linear algebra and convolution through the macro: gradients against central differences
//! and forward mode.

use autodiff_runtime::ndarray::{Array1, Array2, array};
use autodiff_runtime::{LinalgExt, differentiable};

mod common;
use common::{close, fd};

#[differentiable]
fn lin(a: &Array2<f64>, b: &Array1<f64>, m: &Array2<f64>) -> f64 {
    let x = a.solve(b);
    let y = a.solve(m);
    let l = m.cholesky();
    let s = a.det_sign();
    (x.dot(&x) + y.sum() + a.inv().sum() + a.det() * s + a.ln_abs_det() + l.sum()) * 0.5
}

#[differentiable]
fn conv(x: &Array1<f64>, k: &Array1<f64>, img: &Array2<f64>, kk: &Array2<f64>) -> f64 {
    let a = x.convolve_full(k).powi(2).sum() + x.convolve_same(k).sum() + k.convolve_valid(x).mapv(f64::sin).sum();
    a + img.convolve2d_same(kk).powi(2).sum()
        + img.convolve2d_valid(kk).sum()
        + img.convolve2d_full(kk).mapv(f64::cos).sum()
}

#[test]
fn through_the_macro() {
    let a = array![[3.0, 0.5, -0.2], [0.1, 2.0, 0.3], [0.4, -0.6, 4.0]];
    let b = array![1.0, -2.0, 0.5];
    let m = array![[2.0, 0.3, 0.1], [0.3, 3.0, -0.2], [0.1, -0.2, 1.5]];
    let (ga, gb, gm) = lin::grad(&a, &b, &m);
    close(&ga, &fd(|a| lin(a, &b, &m), &a), 1e-6);
    close(&gb, &fd(|b| lin(&a, b, &m), &b), 1e-6);
    close(&gm, &fd(|m| lin(&a, &b, m), &m), 1e-6);
    let t = array![[0.1, 0.2, 0.3], [0.0, -0.1, 0.2], [0.3, 0.1, 0.0]];
    let (_, d) = lin::jvp(&a, &b, &m, t.clone(), Array1::zeros(3), Array2::zeros((3, 3)));
    assert!((d - (&ga * &t).sum()).abs() < 1e-9);

    let (x, k) = (array![0.5, -1.0, 2.0, 0.3, 0.7], array![0.2, 0.4, -0.3, 0.1]);
    let img = Array2::from_shape_fn((4, 5), |(i, j)| ((i * 5 + j) as f64 * 0.37).sin());
    let kk = array![[0.5, -0.25], [0.1, 0.3], [0.2, 0.0]];
    let (gx, gk, gi, gkk) = conv::grad(&x, &k, &img, &kk);
    close(&gx, &fd(|x| conv(x, &k, &img, &kk), &x), 1e-6);
    close(&gk, &fd(|k| conv(&x, k, &img, &kk), &k), 1e-6);
    close(&gi, &fd(|i| conv(&x, &k, i, &kk), &img), 1e-6);
    close(&gkk, &fd(|kk| conv(&x, &k, &img, kk), &kk), 1e-6);
}
