use autodiff_runtime::differentiable;

#[differentiable]
fn pair(x: f64) -> (f64, f64) {
    (x, x * x)
}

#[differentiable]
fn f(x: f64) -> f64 {
    pair(x).1
}

fn main() {}
