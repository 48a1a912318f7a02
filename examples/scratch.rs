use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: f64, y: f64) -> f64 {
    x * y.sin() + (x / y).exp()
}

#[differentiable]
fn g(x: f64, n: usize) -> (f64, f64) {
    let mut s = x * x;
    s += (n as f64) * x;
    let k = s.floor() as i32;
    (s.powi(k.max(1)), f(x, 2.0))
}

fn main() {
    println!("{:?}", f::grad(1.0, 2.0));
    println!("{:?}", f::jvp(1.0, 2.0, 1.0, 0.0));
    println!("{:?}", g::vjp(0.7, 3, (1.0, 0.0)));
    println!("{}", f::SOURCE);
    println!("{}", g::SOURCE);
}
