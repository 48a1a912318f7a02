use autodiff_runtime::differentiable;

#[differentiable(wrt(x))]
fn g(x: f64, y: f64) -> f64 {
    x * y
}

#[differentiable]
fn f(a: f64) -> f64 {
    g(a, a)
}

fn main() {}
