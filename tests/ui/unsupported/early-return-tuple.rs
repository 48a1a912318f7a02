use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: f64, n: usize) -> (f64, f64) {
    if n == 0 {
        return (x, x);
    }
    (x * x, x)
}

fn main() {}
