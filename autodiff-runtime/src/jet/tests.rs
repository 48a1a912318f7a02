use super::Jet;
use num_traits::Float;

type J = Jet<f64, 7>;

/// Every derivative of order `k ≥ 1` against a central difference of order `k − 1`, both
/// from jets: checks each recurrence at every order without a closed form per function.
fn check(name: &str, f: impl Fn(J) -> J, points: &[f64]) {
    let h = 1e-5;
    for &x in points {
        let y = f(J::variable(x));
        assert!((y.value() - f(J::constant(x)).value()).abs() <= 1e-15 * y.value().abs().max(1.0));
        let (yp, ym) = (f(J::variable(x + h)), f(J::variable(x - h)));
        for k in 1..7 {
            let fd = (yp.derivative(k - 1) - ym.derivative(k - 1)) / (2.0 * h);
            let d = y.derivative(k);
            let tol = 1e-6 * (1.0 + d.abs().max(fd.abs()));
            assert!((d - fd).abs() < tol, "{name}: order {k} at x = {x}: jet {d}, difference {fd}");
        }
    }
}

#[test]
fn every_smooth_method_matches_differences_at_every_order() {
    let pts = [-1.7, -0.3, 0.4, 1.3, 2.9];
    let pos = [0.2, 0.7, 1.5, 3.1];
    let unit = [-0.8, -0.3, 0.1, 0.6];
    check("sin", |x| x.sin(), &pts);
    check("cos", |x| x.cos(), &pts);
    check("tan", |x| x.tan(), &unit);
    check("exp", |x| x.exp(), &pts);
    check("exp2", |x| x.exp2(), &pts);
    check("exp_m1", |x| x.exp_m1(), &pts);
    check("ln", |x| x.ln(), &pos);
    check("ln_1p", |x| x.ln_1p(), &pos);
    check("log2", |x| x.log2(), &pos);
    check("log10", |x| x.log10(), &pos);
    check("log", |x| x.log(J::constant(3.0) + x), &pos);
    check("sqrt", |x| x.sqrt(), &pos);
    check("cbrt", |x| x.cbrt(), &[-2.0, -0.5, 0.3, 1.7]);
    check("powi", |x| x.powi(5) + x.powi(-3), &pts);
    check("powi(0)", |x| x.powi(0) * x, &pts);
    check("powf const", |x| x.powf(J::constant(2.5)), &pos);
    check("powf var", |x| x.powf(x.sin()), &pos);
    check("recip", |x| x.recip(), &pts);
    check("div", |x| x.sin() / (x * x + 1.0), &pts);
    check("asin", |x| x.asin(), &unit);
    check("acos", |x| x.acos(), &unit);
    check("atan", |x| x.atan(), &pts);
    check("atan2", |x| (x * 2.0).atan2(x.cos() - 1.5), &pts);
    check("atan2 quadrants", |x| x.sin().atan2(x), &pts);
    check("sinh", |x| x.sinh(), &pts);
    check("cosh", |x| x.cosh(), &pts);
    check("tanh", |x| x.tanh(), &pts);
    check("asinh", |x| x.asinh(), &pts);
    check("acosh", |x| x.acosh(), &[1.2, 2.0, 3.5]);
    check("atanh", |x| x.atanh(), &unit);
    check("hypot", |x| x.hypot(x.exp()), &pts);
    check("mul_add", |x| x.mul_add(x.sin(), x.cos()), &pts);
    check("abs", |x| (x * x.sin()).abs(), &pts);
    check("max/min", |x| x.max(x.sin()) + x.min(x.cos()), &pts);
    check("rem", |x| (x * 3.0) % J::constant(1.3), &[0.2, 0.7, 1.9]);
    check("fract", |x| (x * 2.0).fract(), &[0.2, 0.7, 1.9]);
    check("sinc", |x| x.sin() / x, &pts);
}

#[test]
fn closed_forms() {
    let x = Jet::<f64, 10>::variable(0.7);
    let e = x.exp();
    let s = x.sin();
    let (s0, c0) = 0.7f64.sin_cos();
    for k in 0..10 {
        assert!((e.derivative(k) - 0.7f64.exp()).abs() < 1e-12 * 0.7f64.exp(), "exp order {k}");
        let expected = [s0, c0, -s0, -c0][k % 4];
        assert!((s.derivative(k) - expected).abs() < 1e-12, "sin order {k}");
    }
    // The k-th derivative of 1/x is (−1)^k k! / x^(k+1).
    let r = x.recip();
    let mut fact = 1.0;
    for k in 0..10 {
        if k > 0 {
            fact *= k as f64;
        }
        let expected = if k % 2 == 0 { fact } else { -fact } / 0.7f64.powi(k as i32 + 1);
        assert!((r.derivative(k) - expected).abs() < 1e-11 * expected.abs(), "recip order {k}");
    }
}

#[test]
fn nested_jets_differentiate_again() {
    // d²/dx² sin(x)·x by nesting two first-order jets.
    type D = Jet<f64, 2>;
    let x = Jet::<D, 2>::line(D::variable(1.1), D::constant(1.0));
    let y = x.sin() * x;
    let second = y.coefficients()[1].coefficients()[1];
    let expected = 2.0 * 1.1f64.cos() - 1.1 * 1.1f64.sin();
    assert!((second - expected).abs() < 1e-14);
}

#[test]
fn constants_mix_with_jets_and_comparisons_use_the_value() {
    let x = J::variable(2.0);
    let y = 3.0 * x + 1.0 - x / 2.0;
    assert_eq!(y.value(), 6.0);
    assert_eq!(y.derivative(1), 2.5);
    assert!(x > 1.0 && x < 3.0 && x == 2.0);
    assert!(J::variable(1.0) < J::constant(2.0));
    assert_eq!(x.floor().derivative(1), 0.0);
}

#[test]
fn singularities_give_ieee_values_not_finite_garbage() {
    let d = J::variable(0.0).sqrt().derivative(1);
    assert!(d.is_infinite() || d.is_nan());
    assert!(J::variable(-1.0).ln().value().is_nan());
    // Outside the domain every coefficient is NaN, not the formula's finite derivatives.
    for y in [
        J::variable(-1.0).ln(),
        J::variable(-1.0).log2(),
        J::variable(-2.0).ln_1p(),
        J::variable(-2.0).acosh(),
        J::variable(2.0).atanh(),
        J::variable(f64::NAN).abs(),
    ] {
        assert!((0..4).all(|k| y.derivative(k).is_nan()), "{y:?}");
    }
    // On the boundary and inside, unchanged.
    assert_eq!(J::variable(0.0).ln().derivative(1), f64::INFINITY);
    assert_eq!(J::variable(1.0).atanh().derivative(1), f64::INFINITY);
}
