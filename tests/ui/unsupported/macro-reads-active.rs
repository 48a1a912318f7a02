use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    println!("computing");
    println!("{}", x);
    x * x
}

fn main() {}
