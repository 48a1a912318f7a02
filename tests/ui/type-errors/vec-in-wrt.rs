use autodiff_runtime::differentiable;

#[differentiable(wrt(x, weights))]
fn f(x: f64, weights: Vec<f64>) -> f64 {
    let _ = weights;
    x * x
}

fn main() {}
