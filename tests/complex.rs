//! Complex values in `#[differentiable]` code: arithmetic with complex and real operands,
//! `conj`, `re`/`im`, `norm`, `norm_sqr`, `arg`, `exp`, `ln`, `sqrt`, `powf`, constructors,
//! and FFTs of arrays; gradients in autograd's convention (`∂L/∂x − i ∂L/∂y` for `z = x + iy`)
//! against central differences along both the real and the imaginary direction, and forward
//! mode against reverse mode.

use autodiff_runtime::{Complex64, ComplexMath, FftExt, differentiable};
use ndarray::{Array2, array};

const H: f64 = 1e-6;

/// `∂L/∂x − i ∂L/∂y` by central differences.
fn fd_complex(f: impl Fn(Complex64) -> f64, z: Complex64) -> Complex64 {
    let dx = (f(z + H) - f(z - H)) / (2.0 * H);
    let i = Complex64::new(0.0, H);
    let dy = (f(z + i) - f(z - i)) / (2.0 * H);
    Complex64::new(dx, -dy)
}

fn assert_close(a: Complex64, b: Complex64, tol: f64, what: &str) {
    assert!((a - b).norm() <= tol * (1.0 + b.norm()), "{what}: {a} vs {b}");
}

#[differentiable]
fn scalar_mix(z: Complex64, w: Complex64, s: f64) -> f64 {
    let u = z * w + z.exp() - w / z + s * z;
    let v = (u.conj() * w).re + u.im * s;
    let r = (z.ln() + w.sqrt()).norm_sqr() + z.norm() + w.arg() * 0.3;
    let p = z.powf(1.7).norm();
    v + r + p - (-z).re
}

#[test]
fn scalar_rules_match_differences_along_both_directions() {
    let (z, w, s) = (Complex64::new(0.7, -0.4), Complex64::new(-0.3, 1.1), 0.8);
    let (gz, gw, gs) = scalar_mix::grad(z, w, s);
    assert_close(gz, fd_complex(|z| scalar_mix(z, w, s), z), 1e-7, "∂/∂z");
    assert_close(gw, fd_complex(|w| scalar_mix(z, w, s), w), 1e-7, "∂/∂w");
    let fs = (scalar_mix(z, w, s + H) - scalar_mix(z, w, s - H)) / (2.0 * H);
    assert!((gs - fs).abs() < 1e-7 * (1.0 + fs.abs()), "∂/∂s: {gs} vs {fs}");
    // Forward mode: the tangent along dz pairs with the cotangent as Re(z̄·ż).
    for dz in [Complex64::new(1.0, 0.0), Complex64::new(0.0, 1.0), Complex64::new(0.3, -0.8)] {
        let (_, t) = scalar_mix::jvp(z, w, s, dz, Complex64::new(0.0, 0.0), 0.0);
        let want = (gz * dz).re;
        assert!((t - want).abs() < 1e-12 * (1.0 + want.abs()), "jvp along {dz}: {t} vs {want}");
    }
}

#[differentiable]
fn built(a: f64, b: f64) -> f64 {
    let z = Complex64::new(a, b);
    let p = Complex64::from_polar(a, b);
    let c = Complex64::from(a * b);
    (z * p).norm_sqr() + (c + z).arg()
}

#[test]
fn constructors_from_active_real_parts() {
    let (a, b) = (1.3, 0.6);
    let (ga, gb) = built::grad(a, b);
    let fa = (built(a + H, b) - built(a - H, b)) / (2.0 * H);
    let fb = (built(a, b + H) - built(a, b - H)) / (2.0 * H);
    assert!((ga - fa).abs() < 1e-7 * (1.0 + fa.abs()), "{ga} vs {fa}");
    assert!((gb - fb).abs() < 1e-7 * (1.0 + fb.abs()), "{gb} vs {fb}");
}

/// One angular-spectrum step of the optical network, and its loss.
#[differentiable(wrt(plate))]
fn propagate_loss(plate: &Array2<Complex64>, u0: &Array2<Complex64>, h: &Array2<Complex64>, y: &Array2<f64>) -> f64 {
    let v = u0 * plate;
    let f = v.fftshift().fft2();
    let g = (&f * h).ifft2().ifftshift();
    let img = g.norm_sqr();
    let d = &img - y;
    (&d * &d + d.abs()).mean().unwrap()
}

#[test]
fn fft_pipeline_gradient_matches_differences_along_both_directions() {
    let n = 6;
    let c = |i: usize, j: usize, s: f64| {
        Complex64::new(((i * n + j) as f64 * 0.37 + s).sin(), ((i * 7 + j) as f64 * 0.21 - s).cos())
    };
    let plate = Array2::from_shape_fn((n, n), |(i, j)| c(i, j, 0.1));
    let u0 = Array2::from_shape_fn((n, n), |(i, j)| c(i, j, 0.9) * 0.5);
    let h = Array2::from_shape_fn((n, n), |(i, j)| Complex64::from_polar(1.0, (i * j) as f64 * 0.3));
    let y = Array2::from_shape_fn((n, n), |(i, j)| ((i + 2 * j) as f64 * 0.4).cos().abs() * 0.2);
    let g = propagate_loss::grad(&plate, &u0, &h, &y);
    for (i, j) in [(0, 0), (2, 3), (5, 1), (4, 4)] {
        let f = |z: Complex64| {
            let mut p = plate.clone();
            p[[i, j]] = z;
            propagate_loss(&p, &u0, &h, &y)
        };
        assert_close(g[[i, j]], fd_complex(f, plate[[i, j]]), 1e-6, &format!("element ({i}, {j})"));
    }
    let dir = Array2::from_shape_fn((n, n), |(i, j)| c(i, j, 2.0));
    let (_, t) = propagate_loss::jvp(&plate, &u0, &h, &y, dir.clone());
    let want: f64 = g.iter().zip(&dir).map(|(a, b)| (a * b).re).sum();
    assert!((t - want).abs() < 1e-12 * (1.0 + want.abs()), "jvp {t} vs {want}");
}

#[test]
fn complex_array_methods_are_the_scalar_ones() {
    let u = array![Complex64::new(1.0, 2.0), Complex64::new(-0.5, 0.0)];
    assert_eq!(u.norm_sqr(), array![5.0, 0.25]);
    assert_eq!(u.fft().ifft().map(|z| (z.re * 1e12).round()), u.map(|z| (z.re * 1e12).round()));
}

/// The optical network's loss: light through phase plates, each followed by angular-spectrum
/// propagation.
// `#[differentiable]` loops over indices: iterators of active values are not supported.
#[allow(clippy::needless_range_loop)]
#[differentiable(wrt(plates))]
fn network_loss(plates: &[Array2<Complex64>], u0: &Array2<Complex64>, h: &Array2<Complex64>, y: &Array2<f64>) -> f64 {
    let mut u = u0.clone();
    for i in 0..plates.len() {
        let v = &u * &plates[i];
        u = (&v.fftshift().fft2() * h).ifft2().ifftshift();
    }
    let img = u.norm_sqr();
    let d = &img - y;
    (&d * &d + d.abs()).mean().unwrap()
}

#[test]
fn gradients_through_a_loop_of_plates() {
    let n = 5;
    let c = |i: usize, j: usize, s: f64| Complex64::from_polar(1.0, ((i * n + j) as f64 * 0.37 + s).sin());
    let plates: Vec<Array2<Complex64>> =
        (0..3).map(|k| Array2::from_shape_fn((n, n), |(i, j)| c(i, j, k as f64))).collect();
    let u0 = Array2::from_shape_fn((n, n), |(i, j)| {
        if (i + j) % 3 == 0 { Complex64::new(1.0, 0.0) } else { Complex64::new(0.0, 0.0) }
    });
    let h = Array2::from_shape_fn((n, n), |(i, j)| Complex64::from_polar(1.0, (i * j) as f64 * 0.3));
    let y = Array2::from_shape_fn((n, n), |(i, j)| ((i + 2 * j) as f64 * 0.4).cos().abs() * 0.05);
    let g = network_loss::grad(&plates, &u0, &h, &y);
    assert_eq!(g.len(), 3);
    for (k, i, j) in [(0, 0, 0), (1, 2, 3), (2, 4, 1)] {
        let f = |z: Complex64| {
            let mut p = plates.clone();
            p[k][[i, j]] = z;
            network_loss(&p, &u0, &h, &y)
        };
        assert_close(g[k][[i, j]], fd_complex(f, plates[k][[i, j]]), 1e-6, &format!("plate {k} ({i}, {j})"));
    }
}

#[differentiable]
fn holomorphic(z: Complex64) -> Complex64 {
    z * z.exp() + z.sqrt() / (z + 2.0)
}

#[test]
fn holomorphic_functions_pull_back_their_derivative() {
    // With ȳ = 1, the cotangent of a holomorphic f is f′(z) (the convention's z̄ = ∂L/∂x − i ∂L/∂y
    // for L = Re f), and forward mode pushes ż to f′(z)·ż.
    let z = Complex64::new(0.4, -1.3);
    let one = Complex64::new(1.0, 0.0);
    let d = (one + z) * z.exp() + (one / (z.sqrt() * 2.0) * (z + 2.0) - z.sqrt()) / ((z + 2.0) * (z + 2.0));
    let (_, g) = holomorphic::vjp(z, one);
    assert_close(g, d, 1e-13, "vjp");
    let dz = Complex64::new(0.3, 0.8);
    assert_close(holomorphic::jvp(z, dz).1, d * dz, 1e-13, "jvp");
    assert_close(g, fd_complex(|z| holomorphic(z).re, z), 1e-7, "differences of Re f");
}

/// Closures over complex elements, holomorphic or not, with real or complex results.
#[differentiable]
fn closures(u: &Array2<Complex64>) -> f64 {
    let v = u.mapv(|z| z * z.exp() + z.conj() * 0.5);
    let w = v.mapv(|z| z.norm_sqr() + z.re * z.im);
    w.sum()
}

#[test]
fn mapv_closures_over_complex_elements() {
    let u = array![
        [Complex64::new(0.3, -0.2), Complex64::new(-0.7, 0.9)],
        [Complex64::new(0.1, 0.4), Complex64::new(1.1, -0.6)]
    ];
    let g = closures::grad(&u);
    for (i, j) in [(0, 0), (0, 1), (1, 0), (1, 1)] {
        let f = |z: Complex64| {
            let mut v = u.clone();
            v[[i, j]] = z;
            closures(&v)
        };
        assert_close(g[[i, j]], fd_complex(f, u[[i, j]]), 1e-7, &format!("({i}, {j})"));
    }
    let dir = u.mapv(|z| Complex64::new(z.im + 0.3, 0.5 - z.re));
    let (_, t) = closures::jvp(&u, dir.clone());
    let want: f64 = g.iter().zip(&dir).map(|(a, b)| (a * b).re).sum();
    assert!((t - want).abs() < 1e-12 * (1.0 + want.abs()), "jvp {t} vs {want}");
}

#[differentiable]
fn single(z: autodiff_runtime::Complex32, w: f32) -> f32 {
    (z * w + z.exp()).norm_sqr()
}

#[test]
fn single_precision_complex() {
    let (z, w) = (autodiff_runtime::Complex32::new(0.4, -0.3), 1.5f32);
    let (gz, gw) = single::grad(z, w);
    let h = 1e-3f32;
    let dx = (single(z + h, w) - single(z - h, w)) / (2.0 * h);
    let i = autodiff_runtime::Complex32::new(0.0, h);
    let dy = (single(z + i, w) - single(z - i, w)) / (2.0 * h);
    assert!(
        (gz.re - dx).abs() < 1e-2 * (1.0 + dx.abs()) && (gz.im + dy).abs() < 1e-2 * (1.0 + dy.abs()),
        "{gz} vs {dx} - i{dy}"
    );
    let dw = (single(z, w + h) - single(z, w - h)) / (2.0 * h);
    assert!((gw - dw).abs() < 1e-2 * (1.0 + dw.abs()), "{gw} vs {dw}");
}

#[differentiable]
fn mixed_arrays(u: &Array2<Complex64>, r: &Array2<f64>) -> f64 {
    // ndarray combines a complex array with a real one on the right (`Complex<f64>: Mul<f64>`).
    let v = u * r + u / r;
    let w = &v - r;
    w.norm_sqr().sum()
}

#[test]
fn real_and_complex_arrays_of_one_shape() {
    let u = array![[Complex64::new(0.3, -0.2), Complex64::new(-0.7, 0.9)]];
    let r = array![[1.5, -0.4]];
    let (gu, gr) = mixed_arrays::grad(&u, &r);
    for j in 0..2 {
        let f = |z: Complex64| {
            let mut v = u.clone();
            v[[0, j]] = z;
            mixed_arrays(&v, &r)
        };
        assert_close(gu[[0, j]], fd_complex(f, u[[0, j]]), 1e-7, &format!("u[{j}]"));
        let mut rp = r.clone();
        rp[[0, j]] += H;
        let mut rm = r.clone();
        rm[[0, j]] -= H;
        let fr = (mixed_arrays(&u, &rp) - mixed_arrays(&u, &rm)) / (2.0 * H);
        assert!((gr[[0, j]] - fr).abs() < 1e-7 * (1.0 + fr.abs()), "r[{j}]: {} vs {fr}", gr[[0, j]]);
    }
}
