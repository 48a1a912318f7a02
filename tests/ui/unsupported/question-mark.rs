use autodiff_runtime::differentiable;

fn checked(x: f64) -> Option<f64> {
    Some(x)
}

#[differentiable]
fn f(x: f64) -> Option<f64> {
    let y = checked(x)?;
    Some(y)
}

fn main() {}
