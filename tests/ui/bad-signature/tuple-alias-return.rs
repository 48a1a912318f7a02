use autodiff_runtime::differentiable;

type Pair = (f64, f64);

#[differentiable]
fn f(x: f64) -> Pair {
    (x, x * x)
}

fn main() {}
