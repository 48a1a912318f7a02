//! Array rules on random shapes: broadcasting pairs (size-1 axes, missing leading axes,
//! 0-d arrays), every elementwise rule, and reductions along a random axis, each checked
//! against central finite differences and forward mode.

use autodiff_runtime::ndarray::{ArrayD, Axis, IxDyn};
use autodiff_runtime::{ArrayMath, differentiable};
use proptest::prelude::*;

/// Central differences of `f` at `x`, one element at a time.
fn fd(f: &dyn Fn(&ArrayD<f64>) -> f64, x: &ArrayD<f64>) -> ArrayD<f64> {
    let h = 1e-6;
    let mut g = ArrayD::zeros(x.raw_dim());
    for i in 0..x.len() {
        let (mut p, mut m) = (x.clone(), x.clone());
        p.as_slice_mut().unwrap()[i] += h;
        m.as_slice_mut().unwrap()[i] -= h;
        g.as_slice_mut().unwrap()[i] = (f(&p) - f(&m)) / (2.0 * h);
    }
    g
}

fn close(a: &ArrayD<f64>, b: &ArrayD<f64>, what: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(a.shape(), b.shape(), "{}", what);
    for (x, y) in a.iter().zip(b) {
        prop_assert!((x - y).abs() <= 1e-6 * (1.0 + y.abs()), "{}: {} vs {}", what, a, b);
    }
    Ok(())
}

/// A shape of 0 to 3 axes of length 1 to 4, and a second shape that broadcasts with it:
/// some axes set to 1, some leading axes dropped.
fn shapes() -> impl Strategy<Value = (Vec<usize>, Vec<usize>)> {
    prop::collection::vec(1usize..=4, 0..=3)
        .prop_flat_map(|s| {
            let n = s.len();
            (Just(s), prop::collection::vec(any::<bool>(), n), 0..=n)
        })
        .prop_map(|(s, ones, drop)| {
            let t: Vec<usize> = s.iter().zip(&ones).map(|(&d, &one)| if one { 1 } else { d }).collect();
            (s, t[drop..].to_vec())
        })
}

fn filled(shape: &[usize], seed: f64, lo: f64) -> ArrayD<f64> {
    let n: usize = shape.iter().product();
    let v: Vec<f64> = (0..n).map(|i| lo + (0.9 + ((i as f64 + seed) * 0.618).sin()) * 0.8).collect();
    ArrayD::from_shape_vec(IxDyn(shape), v).unwrap()
}

macro_rules! binary_cases {
    ($($name:ident: |$a:ident, $b:ident| $body:expr;)*) => {$(
        #[differentiable]
        fn $name($a: &ArrayD<f64>, $b: &ArrayD<f64>) -> f64 {
            let y = $body;
            y.mapv(f64::sin).sum()
        }
    )*};
}

binary_cases! {
    add_case: |a, b| a + b;
    sub_case: |a, b| b - a;
    mul_case: |a, b| a * b;
    div_case: |a, b| a / b;
    powf_case: |a, b| (b * &a.mapv(f64::ln)).mapv(f64::exp);
    atan2_case: |a, b| a.atan2(b);
    hypot_case: |a, b| a.hypot(b);
    max_case: |a, b| a.max(b);
    min_case: |a, b| a.min(b);
}

type Case =
    (&'static str, fn(&ArrayD<f64>, &ArrayD<f64>) -> f64, fn(&ArrayD<f64>, &ArrayD<f64>) -> (ArrayD<f64>, ArrayD<f64>));

fn binary_table() -> Vec<Case> {
    vec![
        ("add", add_case, add_case::grad),
        ("sub", sub_case, sub_case::grad),
        ("mul", mul_case, mul_case::grad),
        ("div", div_case, div_case::grad),
        ("powf", powf_case, powf_case::grad),
        ("atan2", atan2_case, atan2_case::grad),
        ("hypot", hypot_case, hypot_case::grad),
        ("max", max_case, max_case::grad),
        ("min", min_case, min_case::grad),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn binary_rules_broadcast((sa, sb) in shapes(), swap in any::<bool>()) {
        let (sa, sb) = if swap { (sb, sa) } else { (sa, sb) };
        // Positive, distinct values keep powf, div and the extrema away from their edges.
        let (a, b) = (filled(&sa, 0.3, 0.2), filled(&sb, 1.7, 0.25));
        for (name, f, grad) in binary_table() {
            let (ga, gb) = grad(&a, &b);
            close(&ga, &fd(&|a| f(a, &b), &a), name)?;
            close(&gb, &fd(&|b| f(&a, b), &b), name)?;
        }
        let (_, t) = mul_case::jvp(&a, &b, a.clone(), b.clone());
        let (ga, gb) = mul_case::grad(&a, &b);
        prop_assert!((t - (&ga * &a).sum() - (&gb * &b).sum()).abs() < 1e-9);
    }

    #[test]
    fn unary_rules_on_any_shape((s, _) in shapes()) {
        let x = filled(&s, 0.9, 0.1);
        let g = unary_all::grad(&x);
        close(&g, &fd(&unary_all, &x), "unary")?;
        let (_, t) = unary_all::jvp(&x, x.clone());
        prop_assert!((t - (&g * &x).sum()).abs() < 1e-8 * (1.0 + t.abs()));
    }

    #[test]
    fn reductions_along_any_axis((s, _) in shapes().prop_filter("an axis", |(s, _)| !s.is_empty()), k in 0usize..3) {
        let x = filled(&s, 2.1, -0.5);
        let k = k % s.len();
        let g = reductions::grad(&x, k);
        close(&g, &fd(&|x| reductions(x, k), &x), "reductions")?;
    }
}

#[differentiable]
fn unary_all(x: &ArrayD<f64>) -> f64 {
    // Inputs in (0.1, 1.7): inside every domain below.
    let a = x.mapv(f64::sin) + x.mapv(f64::cos) + x.mapv(f64::tan) + x.mapv(f64::atan) + x.mapv(f64::sinh);
    let b = x.mapv(f64::cosh) + x.mapv(f64::tanh) + x.mapv(f64::asinh) + x.mapv(f64::exp) + x.mapv(f64::exp2);
    let c = x.mapv(f64::exp_m1) + x.mapv(f64::ln) + x.mapv(f64::log2) + x.mapv(f64::log10) + x.mapv(f64::ln_1p);
    let d = x.mapv(f64::sqrt) + x.mapv(f64::cbrt) + x.mapv(f64::recip) + x.mapv(f64::abs) + (x * 0.5).mapv(f64::asin);
    let e = (x * 0.5).mapv(f64::acos) + (x * 0.5).mapv(f64::atanh) + (x + 1.0).mapv(f64::acosh) - x;
    (a * b + c * d + e).sum()
}

#[differentiable(wrt(x))]
fn reductions(x: &ArrayD<f64>, k: usize) -> f64 {
    let s = x.sum_axis(Axis(k));
    let m = x.mean_axis(Axis(k)).unwrap();
    (&s * &m).sum() + x.mapv(f64::exp).mean().unwrap() + x.amax() * x.amin()
}
