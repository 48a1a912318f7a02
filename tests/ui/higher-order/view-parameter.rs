use autodiff_runtime::differentiable;
use autodiff_runtime::ndarray::{Array1, ArrayView1};

#[differentiable(order = 2)]
fn f(x: ArrayView1<'_, f64>) -> f64 {
    x.sum()
}

#[differentiable(order = 2)]
fn g(x: Vec<f64>, v: &Array1<f64>) -> f64 {
    x[0] * v.sum()
}

fn main() {}
