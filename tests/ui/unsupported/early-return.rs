use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: f64, n: u32) -> f64 {
    if n == 0 {
        return x;
    }
    x * x
}

fn main() {}
