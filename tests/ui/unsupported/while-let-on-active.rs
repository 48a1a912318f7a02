use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    let mut y = x;
    let mut factors = [2.0, 3.0].into_iter();
    while let Some(c) = factors.next() {
        y = y * c;
    }
    y
}

fn main() {}
