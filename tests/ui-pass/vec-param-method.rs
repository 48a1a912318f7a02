use autodiff_runtime::differentiable;

// A `Vec` parameter is differentiable; its length is a constant.
#[differentiable]
fn f(x: f64, v: Vec<f64>) -> f64 {
    x * v.len() as f64
}

fn main() {
    let (dx, dv) = f::grad(2.0, vec![1.0, 2.0, 3.0]);
    assert_eq!(dx, 3.0);
    assert_eq!(dv, vec![0.0; 3]);
}
