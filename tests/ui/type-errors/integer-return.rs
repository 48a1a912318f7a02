use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> i64 {
    x.floor() as i64
}

fn main() {}
