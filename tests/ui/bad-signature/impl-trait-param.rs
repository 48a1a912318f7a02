use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: impl Into<f64>) -> f64 {
    x.into()
}

fn main() {}
