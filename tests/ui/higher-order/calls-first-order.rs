use autodiff_runtime::differentiable;

#[differentiable]
fn inner(x: f64) -> f64 {
    x.sin()
}

#[differentiable(order = 2)]
fn outer(x: f64) -> f64 {
    inner(x) * x
}

fn main() {}
