use autodiff_runtime::differentiable;
#[differentiable]
fn nested(x: f64, y: f64, n: usize) -> f64 {
    let mut acc = 0.0;
    for i in 0..n {
        let mut row = x;
        for j in 0..n {
            if j == i {
                continue;
            }
            row = row * y + (j as f64);
            if row > 50.0 {
                break;
            }
        }
        acc += row.tanh();
    }
    acc
}
fn main() {
    let (x, y) = (-0.3, 2.5);
    println!("{:?}", nested::grad(x, y, 5));
    println!("{:?} {:?}", nested::jvp(x, y, 5, 1.0, 0.0), nested::jvp(x, y, 5, 0.0, 1.0));
    for h in [1e-4, 1e-6, 1e-8] {
        println!("{} {}", (nested(x + h, y, 5) - nested(x - h, y, 5)) / (2.0 * h), (nested(x, y + h, 5) - nested(x, y - h, 5)) / (2.0 * h));
    }
}
