use autodiff_runtime::differentiable;

#[differentiable]
fn pend(l: f64, c: f64, n: usize) -> f64 {
    let mut theta = 0.2f64;
    let mut omega = 0.0;
    let mut s = 0.0;
    for k in 0..n {
        let t = k as f64 * 1e-3;
        let acc = -(9.81 / l) * theta.sin() - c * omega + (1.5 * t).cos();
        let th = theta + 1e-3 * omega;
        omega = omega + 1e-3 * acc;
        theta = th;
        s += theta * theta;
    }
    s / n as f64
}

#[differentiable]
fn piece(x: f64) -> f64 {
    let y = if x > 0.0 { x * x } else { -x };
    let mut z = y;
    let mut i = 0;
    while z < 10.0 {
        z = z * 2.0 + x;
        i += 1;
        if i > 5 {
            break;
        }
    }
    z
}

fn main() {
    println!("{:?}", pend::grad(1.0, 0.5, 100));
    let h = 1e-6;
    println!("{}", (pend(1.0 + h, 0.5, 100) - pend(1.0 - h, 0.5, 100)) / (2.0 * h));
    println!("{:?} {}", piece::grad(0.7), (piece(0.7 + h) - piece(0.7 - h)) / (2.0 * h));
    println!("{:?} {}", piece::grad(-0.7), (piece(-0.7 + h) - piece(-0.7 - h)) / (2.0 * h));
    println!("{}", piece::SOURCE);
}
