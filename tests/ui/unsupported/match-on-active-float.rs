use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    match x * 2.0 {
        y if y > 1.0 => y,
        _ => x,
    }
}

fn main() {}
