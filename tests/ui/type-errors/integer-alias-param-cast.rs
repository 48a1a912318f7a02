use autodiff_runtime::differentiable;

type Count = u32;

#[differentiable]
fn f(x: f64, n: Count) -> f64 {
    x * (n as f64)
}

fn main() {}
