use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: f64, n: u32) -> f64 {
    match n {
        0 if x > 1.0 => x,
        _ => x * x,
    }
}

fn main() {}
