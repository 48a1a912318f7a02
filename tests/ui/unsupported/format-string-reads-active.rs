use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    let x = x * 2.0;
    println!("{x}");
    x
}

fn main() {}
