use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: f64) -> f64 {
    unsafe { std::ptr::read(&x) }
}

fn main() {}
