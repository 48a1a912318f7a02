use autodiff_runtime::differentiable;

// Elements of a `Vec` parameter are read with `v[i]`; its gradient is a `Vec`.
#[differentiable(wrt(x, weights))]
fn f(x: f64, weights: Vec<f64>) -> f64 {
    x * x + weights[0] * weights[2]
}

fn main() {
    let (dx, dw) = f::grad(1.5, vec![2.0, 5.0, 7.0]);
    assert_eq!(dx, 3.0);
    assert_eq!(dw, vec![7.0, 0.0, 2.0]);
}
