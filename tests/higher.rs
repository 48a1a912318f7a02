use autodiff_runtime::differentiable;
use ndarray::{Array1, array};

#[differentiable(order = 3)]
fn sinc(x: f64) -> f64 {
    x.sin() / x
}

#[differentiable(order = 2)]
fn sinc_array(x: Array1<f64>) -> Array1<f64> {
    x.mapv(f64::sin) / &x
}

#[differentiable(order = 2)]
fn rosenbrock(x: f64, y: f64) -> f64 {
    let a = 1.0 - x;
    let b = y - x * x;
    a * a + 100.0 * b * b
}

#[test]
fn smoke() {
    let x = 1.3f64;
    let (s, c) = x.sin_cos();
    let d2 = -s / x - 2.0 * c / (x * x) + 2.0 * s / (x * x * x);
    assert!((sinc::grad::grad(x) - d2).abs() < 1e-13, "{}", sinc::grad::grad(x));
    let d = sinc::derivatives::<4>(x);
    assert!((d[2] - d2).abs() < 1e-13);
    assert!((sinc::grad::grad::grad(x) - d[3]).abs() < 1e-13);
    let xs = array![0.5, 1.0, 2.0];
    let e = sinc_array::egrad(xs.clone());
    for (i, &xi) in xs.iter().enumerate() {
        assert!((e[i] - sinc::grad(xi)).abs() < 1e-14);
    }
    let h = rosenbrock::hessian(1.0, 2.0);
    assert_eq!(h, array![[1202.0 - 400.0 * 2.0 + 0.0, -400.0], [-400.0, 200.0]]);
    let j = sinc_array::jacobian(xs.clone());
    assert_eq!(j.dim(), (3, 3));
}
