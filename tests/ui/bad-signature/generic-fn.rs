use autodiff_runtime::differentiable;

#[differentiable]
fn f<T: Into<f64>>(x: f64, k: T) -> f64 {
    x * k.into()
}

fn main() {}
