//! Higher-order derivatives: nested `grad` modules, Taylor mode (`derivatives`, `taylor`),
//! Hessians and Hessian-vector products (forward over reverse), Jacobians in both modes and
//! elementwise gradients, each against closed forms or finite differences of a lower order.

mod common;

use autodiff_runtime::{ArrayMath, differentiable};
use common::close;
use ndarray::{Array1, Array2, array, s};

/// `(f(x+h) − f(x−h)) / 2h` for a scalar function.
fn fd1(f: impl Fn(f64) -> f64, x: f64) -> f64 {
    let h = 1e-5;
    (f(x + h) - f(x - h)) / (2.0 * h)
}

fn assert_close(a: f64, b: f64, tol: f64, what: &str) {
    assert!((a - b).abs() <= tol * (1.0 + b.abs()), "{what}: {a} vs {b}");
}

#[differentiable(order = 3)]
fn exp_sin(x: f64) -> f64 {
    x.sin().exp()
}

#[differentiable(order = 3)]
fn cube_log(x: f64) -> f64 {
    x * x * x * x.ln()
}

#[differentiable(order = 3)]
fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

#[differentiable(order = 3)]
fn hypot_atan(x: f64) -> f64 {
    (1.0 + x * x).sqrt() + x.atan() + x.powf(2.5) + x.powi(-2)
}

#[test]
fn second_and_third_derivatives_match_closed_forms() {
    for x in [0.3f64, 1.1, 2.4] {
        let (s, c) = x.sin_cos();
        let e = s.exp();
        // (e^sin x)'' = e^sin x (cos² x − sin x);  ''' = e^sin x cos x (cos² x − 3 sin x − 1)
        assert_close(exp_sin::grad::grad(x), e * (c * c - s), 1e-13, "exp∘sin''");
        assert_close(exp_sin::grad::grad::grad(x), e * c * (c * c - 3.0 * s - 1.0), 1e-13, "exp∘sin'''");
        // (x³ ln x)'' = 6x ln x + 5x;  ''' = 6 ln x + 11
        assert_close(cube_log::grad::grad(x), 6.0 * x * x.ln() + 5.0 * x, 1e-13, "x³ln x''");
        assert_close(cube_log::grad::grad::grad(x), 6.0 * x.ln() + 11.0, 1e-13, "x³ln x'''");
        // σ'' = σ(1−σ)(1−2σ);  σ''' = σ(1−σ)(1 − 6σ + 6σ²)
        let sg = 1.0 / (1.0 + (-x).exp());
        assert_close(logistic::grad::grad(x), sg * (1.0 - sg) * (1.0 - 2.0 * sg), 1e-13, "σ''");
        assert_close(logistic::grad::grad::grad(x), sg * (1.0 - sg) * (1.0 - 6.0 * sg + 6.0 * sg * sg), 1e-13, "σ'''");
        let r = 1.0 + x * x;
        let second = r.powf(-1.5) - 2.0 * x / (r * r) + 2.5 * 1.5 * x.powf(0.5) + 6.0 / x.powi(4);
        let third = -3.0 * x * r.powf(-2.5) + (6.0 * x * x - 2.0) / (r * r * r) + 2.5 * 1.5 * 0.5 * x.powf(-0.5)
            - 24.0 / x.powi(5);
        assert_close(hypot_atan::grad::grad(x), second, 1e-12, "mixed''");
        assert_close(hypot_atan::grad::grad::grad(x), third, 1e-12, "mixed'''");
        // Taylor mode gives the same numbers in one pass, and forward mode of the nested
        // gradient agrees with its reverse mode.
        let d = hypot_atan::derivatives::<4>(x);
        assert_close(d[2], second, 1e-12, "derivatives[2]");
        assert_close(d[3], third, 1e-12, "derivatives[3]");
        assert_close(hypot_atan::grad::jvp(x, 1.0).1, second, 1e-12, "jvp of grad");
        assert_close(hypot_atan::grad::grad::jvp(x, 1.0).1, third, 1e-12, "jvp of grad∘grad");
    }
}

#[differentiable(order = 9)]
fn sinc(x: f64) -> f64 {
    x.sin() / x
}

#[test]
fn ninth_derivative_by_nesting_equals_taylor_mode_and_differences() {
    for x in [-7.3, 0.9, 4.2] {
        let d = sinc::derivatives::<10>(x);
        let nested = [
            sinc(x),
            sinc::grad(x),
            sinc::grad::grad(x),
            sinc::grad::grad::grad(x),
            sinc::grad::grad::grad::grad(x),
            sinc::grad::grad::grad::grad::grad(x),
            sinc::grad::grad::grad::grad::grad::grad(x),
            sinc::grad::grad::grad::grad::grad::grad::grad(x),
            sinc::grad::grad::grad::grad::grad::grad::grad::grad(x),
            sinc::grad::grad::grad::grad::grad::grad::grad::grad::grad(x),
        ];
        for k in 0..10 {
            assert_close(nested[k], d[k], 1e-13, &format!("order {k} at {x}"));
        }
        // Each order is the derivative of the one before it.
        let eighth = |x| sinc::grad::grad::grad::grad::grad::grad::grad::grad(x);
        assert_close(nested[9], fd1(eighth, x), 1e-7, "9th vs difference of 8th");
    }
}

/// The derivative of a generated derivative, called from another differentiable function.
#[differentiable]
fn slope_energy(x: f64) -> f64 {
    let g = sinc::grad(x);
    0.5 * g * g
}

#[test]
fn a_generated_gradient_is_differentiable_inside_other_code() {
    for x in [0.7, 2.5] {
        let want = sinc::grad(x) * sinc::grad::grad(x);
        assert_close(slope_energy::grad(x), want, 1e-13, "d/dx ½ sinc'(x)²");
        assert_close(slope_energy::grad(x), fd1(slope_energy, x), 1e-8, "vs difference");
        assert_close(slope_energy::jvp(x, 1.0).1, want, 1e-13, "forward mode");
    }
}

#[differentiable(order = 2)]
fn rosenbrock(x: &Array1<f64>) -> f64 {
    let a = x.slice(s![..-1]);
    let b = x.slice(s![1..]);
    let u = 1.0 - &a;
    let v = &b - &a * &a;
    (&u * &u + 100.0 * &v * &v).sum()
}

/// The Hessian by central differences of the (reverse-mode) gradient.
fn fd_hessian(grad: impl Fn(&Array1<f64>) -> Array1<f64>, x: &Array1<f64>) -> Array2<f64> {
    let n = x.len();
    let h = 1e-6;
    let mut m = Array2::zeros((n, n));
    for j in 0..n {
        let (mut xp, mut xm) = (x.clone(), x.clone());
        xp[j] += h;
        xm[j] -= h;
        let col = (grad(&xp) - grad(&xm)) / (2.0 * h);
        m.column_mut(j).assign(&col);
    }
    m
}

#[test]
fn rosenbrock_hessian_matches_differences_of_the_gradient_and_its_closed_form() {
    let x = array![-1.2, 1.0, 0.8, 1.5, -0.3, 0.2];
    let h = rosenbrock::hessian(&x);
    close(&h, &fd_hessian(rosenbrock::grad, &x), 1e-6);
    // Closed form: tridiagonal.
    let n = x.len();
    let mut want = Array2::zeros((n, n));
    for i in 0..n - 1 {
        want[[i, i]] += 2.0 - 400.0 * (x[i + 1] - 3.0 * x[i] * x[i]);
        want[[i + 1, i + 1]] += 200.0;
        want[[i, i + 1]] -= 400.0 * x[i];
        want[[i + 1, i]] -= 400.0 * x[i];
    }
    close(&h, &want, 1e-12);
    // Hessian-vector products without forming the Hessian.
    let v = array![0.3, -1.0, 0.5, 2.0, 0.1, -0.7];
    close(&rosenbrock::hvp(&x, v.clone()), &h.dot(&v), 1e-12);
}

/// A small MLP's loss: tanh hidden layer, squared error.
#[differentiable(order = 2, wrt(w1, w2))]
fn mlp_loss(w1: &Array2<f64>, w2: &Array1<f64>, x: &Array2<f64>, y: &Array1<f64>) -> f64 {
    let hidden = x.dot(w1).tanh();
    let out = hidden.dot(w2);
    let r = &out - y;
    (&r * &r).mean().unwrap() * 0.5
}

#[test]
fn mlp_hessian_matches_differences_of_the_gradient() {
    let w1 = array![[0.2, -0.5, 0.1], [0.7, 0.3, -0.4]];
    let w2 = array![0.5, -1.0, 0.8];
    let x = array![[0.1, 0.9], [-0.8, 0.4], [0.5, -0.3], [1.2, 0.2]];
    let y = array![0.3, -0.2, 0.6, 0.1];
    let h = mlp_loss::hessian(&w1, &w2, &x, &y);
    assert_eq!(h.dim(), (9, 9));
    // Differences of the gradient, coordinate by coordinate (w1 row-major, then w2).
    let grad_flat = |w1: &Array2<f64>, w2: &Array1<f64>| {
        let (g1, g2) = mlp_loss::grad(w1, w2, &x, &y);
        g1.iter().chain(g2.iter()).copied().collect::<Array1<f64>>()
    };
    let eps = 1e-6;
    for j in 0..9 {
        let (mut w1p, mut w1m, mut w2p, mut w2m) = (w1.clone(), w1.clone(), w2.clone(), w2.clone());
        if j < 6 {
            w1p.as_slice_mut().unwrap()[j] += eps;
            w1m.as_slice_mut().unwrap()[j] -= eps;
        } else {
            w2p[j - 6] += eps;
            w2m[j - 6] -= eps;
        }
        let col = (grad_flat(&w1p, &w2p) - grad_flat(&w1m, &w2m)) / (2.0 * eps);
        close(&h.column(j).to_owned(), &col, 1e-6);
    }
    close(&h, &h.t().to_owned(), 1e-14);
    let (v1, v2) = (array![[1.0, 0.5, -0.2], [0.3, -0.7, 0.9]], array![0.4, 0.0, -1.1]);
    let (hv1, hv2) = mlp_loss::hvp(&w1, &w2, &x, &y, v1.clone(), v2.clone());
    let v: Array1<f64> = v1.iter().chain(v2.iter()).copied().collect();
    let hv: Array1<f64> = hv1.iter().chain(hv2.iter()).copied().collect();
    close(&hv, &h.dot(&v), 1e-12);
}

/// A loop with carried state, a branch and constants assigned to active variables.
#[differentiable(order = 2)]
fn recurrence(x: f64, w: f64, n: usize) -> f64 {
    let mut s = 0.0;
    for i in 0..n {
        if i % 2 == 0 {
            s = (s * w + x).sin();
        } else {
            s += x * w * 0.5;
        }
    }
    s * s
}

#[test]
fn hessians_through_loops_and_branches() {
    let (x, w) = (0.4, 1.3);
    for n in [0, 1, 4] {
        let h = recurrence::hessian(x, w, n);
        let g = |x: f64, w: f64| {
            let (gx, gw) = recurrence::grad(x, w, n);
            array![gx, gw]
        };
        let e = 1e-6;
        let c0 = (g(x + e, w) - g(x - e, w)) / (2.0 * e);
        let c1 = (g(x, w + e) - g(x, w - e)) / (2.0 * e);
        close(&h.column(0).to_owned(), &c0, 1e-6);
        close(&h.column(1).to_owned(), &c1, 1e-6);
        let (hx, hw) = recurrence::hvp(x, w, n, 1.0, -2.0);
        close(&array![hx, hw], &h.dot(&array![1.0, -2.0]), 1e-12);
        // Taylor mode along the same direction: the second directional derivative is vᵀHv.
        let t = recurrence::taylor::<3>(x, w, n, 1.0, -2.0);
        assert_close(t[2], array![1.0, -2.0].dot(&h.dot(&array![1.0, -2.0])), 1e-10, "vᵀHv");
        assert_close(t[0], recurrence(x, w, n), 1e-15, "value");
    }
}

#[differentiable(order = 2)]
fn single(x: f32, y: f32) -> f32 {
    x * x * y + y.exp()
}

#[test]
fn single_precision_hessian() {
    let h = single::hessian(2.0, 0.5);
    let want = array![[1.0f32, 4.0], [4.0, 0.5f32.exp()]];
    for (a, b) in h.iter().zip(&want) {
        assert!((a - b).abs() < 1e-5, "{h} vs {want}");
    }
}

#[differentiable]
fn polar(r: f64, theta: f64) -> (f64, f64) {
    (r * theta.cos(), r * theta.sin())
}

#[differentiable]
fn field(x: &Array1<f64>) -> Array1<f64> {
    let y = x.mapv(|v| v * v);
    &y * x[0] + x.sin()
}

#[test]
fn jacobians_in_both_modes_agree_with_closed_forms_and_differences() {
    let (r, t) = (2.0f64, 0.6f64);
    let j = polar::jacobian(r, t);
    let want = array![[t.cos(), -r * t.sin()], [t.sin(), r * t.cos()]];
    close(&j, &want, 1e-15);
    close(&polar::jacobian_fwd(r, t), &want, 1e-15);

    let x = array![0.3, -1.2, 0.8];
    let j = field::jacobian(&x);
    assert_eq!(j.dim(), (3, 3));
    close(&field::jacobian_fwd(&x), &j, 1e-14);
    for col in 0..3 {
        let e = 1e-6;
        let (mut xp, mut xm) = (x.clone(), x.clone());
        xp[col] += e;
        xm[col] -= e;
        close(&j.column(col).to_owned(), &((field(&xp) - field(&xm)) / (2.0 * e)), 1e-7);
    }
}

#[differentiable(order = 2)]
fn softplus(x: &Array1<f64>) -> Array1<f64> {
    x.exp().ln_1p()
}

#[test]
fn elementwise_gradients_and_derivatives_of_arrays() {
    let x = array![-3.0, -0.5, 0.0, 0.7, 4.0];
    let e = softplus::egrad(&x);
    let sig = x.mapv(|v| 1.0 / (1.0 + (-v).exp()));
    close(&e, &sig, 1e-15);
    let d = softplus::derivatives::<3>(&x);
    close(&d[0], &softplus(&x), 1e-15);
    close(&d[1], &sig, 1e-15);
    close(&d[2], &sig.mapv(|s| s * (1.0 - s)), 1e-14);
}
