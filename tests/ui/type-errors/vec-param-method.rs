use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: f64, v: Vec<f64>) -> f64 {
    x * v.len() as f64
}

fn main() {}
