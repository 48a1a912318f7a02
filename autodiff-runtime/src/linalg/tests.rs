//! The rules' partials against central finite differences, the adjoint identity, primal
//! values and panic messages.

use super::*;
use crate::{Partial, ops};
use ndarray::{Array, Array1, Array2, Dimension, array};

/// A value that finite differences perturb coordinate by coordinate.
trait Flat: Sized {
    fn flat(&self) -> Vec<f64>;
    /// A value of the shape of `self` holding `v`.
    fn like(&self, v: &[f64]) -> Self;
}

impl Flat for f64 {
    fn flat(&self) -> Vec<f64> {
        vec![*self]
    }
    fn like(&self, v: &[f64]) -> Self {
        v[0]
    }
}

impl Flat for f32 {
    fn flat(&self) -> Vec<f64> {
        vec![*self as f64]
    }
    fn like(&self, v: &[f64]) -> Self {
        v[0] as f32
    }
}

impl<T: Real, D: Dimension> Flat for Array<T, D> {
    fn flat(&self) -> Vec<f64> {
        self.iter().map(|v| v.to_f64_lossy()).collect()
    }
    fn like(&self, v: &[f64]) -> Self {
        Array::from_shape_vec(self.raw_dim(), v.iter().map(|&v| T::c(v)).collect()).expect("same length")
    }
}

/// A small xorshift generator.
struct Rng(u64);

impl Rng {
    fn uniform(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
    }
    fn vec(&mut self, n: usize) -> Vec<f64> {
        (0..n).map(|_| self.uniform()).collect()
    }
    fn matrix<T: Real>(&mut self, r: usize, c: usize) -> Array2<T> {
        Array2::from_shape_fn((r, c), |_| T::c(self.uniform()))
    }
    fn vector<T: Real>(&mut self, n: usize) -> Array1<T> {
        Array1::from_shape_fn(n, |_| T::c(self.uniform()))
    }
    /// Random entries plus `n` on the diagonal: diagonally dominant, well conditioned.
    fn regular<T: Real>(&mut self, n: usize) -> Array2<T> {
        let mut a = self.matrix(n, n);
        a.diag_mut().mapv_inplace(|v| v + T::c(n as f64 + 1.0));
        a
    }
    /// `M Mᵀ + n I`: symmetric positive definite, well conditioned.
    fn spd<T: Real + LinalgScalar>(&mut self, n: usize) -> Array2<T> {
        let m: Array2<T> = self.matrix(n, n);
        let mut a = m.dot(&m.t());
        a.diag_mut().mapv_inplace(|v| v + T::c(n as f64));
        a
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    assert_eq!(a.len(), b.len());
    a.iter().zip(b).map(|(a, b)| a * b).sum()
}

/// Checks `p`, the partial of `f` at `x`, for one random cotangent and tangent:
/// * `pull(ȳ)` against the central-difference gradient of `⟨ȳ, f⟩`, coordinate by coordinate;
/// * `push(ẋ)` against the central difference of `f` along `ẋ`;
/// * the adjoint identity `⟨ȳ, push(ẋ)⟩ = ⟨pull(ȳ), ẋ⟩`, to rounding.
///
/// `h` is the step and `tol` the tolerance relative to `1 + max |expected|`.
#[track_caller]
#[allow(clippy::too_many_arguments)]
fn check<X: Flat, Y: Flat, P: Partial<Y, X = X>>(
    what: &str,
    f: impl Fn(&X) -> Y,
    x: &X,
    p: &P,
    rng: &mut Rng,
    h: f64,
    tol: f64,
    adjoint_tol: f64,
) {
    let xf = x.flat();
    let y = f(x);
    let y_bar = rng.vec(y.flat().len());
    let x_dot = rng.vec(xf.len());
    let at = |t: &[f64]| x.like(&xf.iter().zip(t).map(|(a, b)| a + b).collect::<Vec<_>>());
    let close = |got: &[f64], want: &[f64], mode: &str| {
        assert_eq!(got.len(), want.len(), "{what}: {mode} has the wrong length");
        let scale = 1.0 + want.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        for (i, (g, w)) in got.iter().zip(want).enumerate() {
            assert!(
                (g - w).abs() <= tol * scale,
                "{what}: {mode}[{i}] = {g}, finite differences give {w}\n{got:?}\n{want:?}"
            );
        }
    };

    // Reverse: the gradient of ⟨ȳ, f(x)⟩, one coordinate of x at a time.
    let pulled = p.pull(&y.like(&y_bar)).flat();
    let numeric: Vec<f64> = (0..xf.len())
        .map(|i| {
            let mut e = vec![0.0; xf.len()];
            e[i] = h;
            let plus = dot(&y_bar, &f(&at(&e)).flat());
            e[i] = -h;
            let minus = dot(&y_bar, &f(&at(&e)).flat());
            (plus - minus) / (2.0 * h)
        })
        .collect();
    close(&pulled, &numeric, "pull");

    // Forward: the derivative of f along ẋ.
    let pushed = p.push(&x.like(&x_dot)).flat();
    let step: Vec<f64> = x_dot.iter().map(|v| v * h).collect();
    let back: Vec<f64> = x_dot.iter().map(|v| -v * h).collect();
    let (plus, minus) = (f(&at(&step)).flat(), f(&at(&back)).flat());
    let numeric: Vec<f64> = plus.iter().zip(&minus).map(|(p, m)| (p - m) / (2.0 * h)).collect();
    close(&pushed, &numeric, "push");

    // Adjoint identity.
    let (lhs, rhs) = (dot(&y_bar, &pushed), dot(&pulled, &x_dot));
    assert!(
        (lhs - rhs).abs() <= adjoint_tol * (1.0 + lhs.abs()),
        "{what}: ⟨ȳ, push(ẋ)⟩ = {lhs} but ⟨pull(ȳ), ẋ⟩ = {rhs}"
    );
}

const F64: (f64, f64, f64) = (1e-6, 1e-7, 1e-12);
const F32: (f64, f64, f64) = (1e-2, 5e-3, 1e-4);

fn tols<T: Real>() -> (f64, f64, f64) {
    if T::epsilon().to_f64_lossy() > 1e-10 { F32 } else { F64 }
}

fn solve_case<T: Real + LinalgScalar>(rng: &mut Rng, n: usize, k: Option<usize>) {
    let (h, tol, adj) = tols::<T>();
    let a: Array2<T> = rng.regular(n);
    match k {
        None => {
            let b: Array1<T> = rng.vector(n);
            let (_, (pa, pb)) = ops::solve(&a, &b);
            check(&format!("solve {n}: a"), |a: &Array2<T>| a.solve(&b), &a, &pa, rng, h, tol, adj);
            check(&format!("solve {n}: b"), |b: &Array1<T>| a.solve(b), &b, &pb, rng, h, tol, adj);
        }
        Some(k) => {
            let b: Array2<T> = rng.matrix(n, k);
            let (_, (pa, pb)) = ops::solve(&a, &b);
            check(&format!("solve {n}x{k}: a"), |a: &Array2<T>| a.solve(&b), &a, &pa, rng, h, tol, adj);
            check(&format!("solve {n}x{k}: b"), |b: &Array2<T>| a.solve(b), &b, &pb, rng, h, tol, adj);
        }
    }
}

#[test]
fn solve_partials_match_finite_differences() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    for n in [1, 2, 3, 5] {
        solve_case::<f64>(&mut rng, n, None);
        for k in [1, 3] {
            solve_case::<f64>(&mut rng, n, Some(k));
        }
    }
    solve_case::<f32>(&mut rng, 3, None);
    solve_case::<f32>(&mut rng, 3, Some(2));
}

fn unary_case<T: Real + LinalgScalar + Flat>(rng: &mut Rng, n: usize) {
    let (h, tol, adj) = tols::<T>();
    let a: Array2<T> = rng.regular(n);
    check(&format!("inv {n}"), |a: &Array2<T>| a.inv(), &a, &ops::inv(&a).1, rng, h, tol, adj);
    check(&format!("det {n}"), |a: &Array2<T>| a.det(), &a, &ops::det(&a).1, rng, h, tol, adj);
    // A negative determinant too: ln |det| is smooth there as well.
    let mut b = a.clone();
    b.row_mut(0).mapv_inplace(|v| -v);
    check(&format!("ln_abs_det {n}"), |a: &Array2<T>| a.ln_abs_det(), &a, &ops::ln_abs_det(&a).1, rng, h, tol, adj);
    check(
        &format!("ln_abs_det {n} (det < 0)"),
        |a: &Array2<T>| a.ln_abs_det(),
        &b,
        &ops::ln_abs_det(&b).1,
        rng,
        h,
        tol,
        adj,
    );
    let s: Array2<T> = rng.spd(n);
    check(&format!("cholesky {n}"), |a: &Array2<T>| a.cholesky(), &s, &ops::cholesky(&s).1, rng, h, tol, adj);
}

#[test]
fn inv_det_ln_abs_det_cholesky_partials_match_finite_differences() {
    let mut rng = Rng(0xdead_beef_0bad_cafe);
    for n in [1, 2, 3, 4, 6] {
        unary_case::<f64>(&mut rng, n);
    }
    unary_case::<f32>(&mut rng, 3);
}

#[test]
fn det_partial_at_singular_matrices_is_the_cofactor_matrix() {
    let mut rng = Rng(42);
    let (h, tol, adj) = F64;
    // Rank n − 1 (cofactors nonzero), rank n − 2 (all cofactors zero), and a 1x1 zero.
    let rank2 = array![[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 0.0, 1.0]];
    let rank1 = array![[1.0, 2.0, 4.0], [2.0, 4.0, 8.0], [4.0, 8.0, 16.0]];
    let zero = array![[0.0]];
    for a in [rank2, rank1, zero] {
        assert_eq!(a.det(), 0.0);
        let (d, p) = ops::det(&a);
        assert_eq!(d, 0.0);
        check("det (singular)", |a: &Array2<f64>| a.det(), &a, &p, &mut rng, h, tol, adj);
    }
    // Hand-computed cofactors of the rank-2 matrix: C[i][j] = (−1)^(i+j) M[i][j].
    let (_, p) = ops::det(&array![[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 0.0, 1.0]]);
    assert_eq!(p.pull(&1.0), array![[4.0, 4.0, -4.0], [-2.0, -2.0, 2.0], [0.0, 0.0, 0.0]]);
}

#[test]
fn cholesky_derivative_is_that_of_the_symmetric_part() {
    // Murray's rule for symmetric perturbations; an antisymmetric one changes nothing, and
    // the cotangent is symmetric.
    let mut rng = Rng(7);
    let s: Array2<f64> = rng.spd(4);
    let (l, p) = ops::cholesky(&s);
    let e: Array2<f64> = rng.matrix(4, 4);
    let anti = &e - &e.t();
    assert!(p.push(&anti).iter().all(|v| v.abs() < 1e-14));
    let g = p.pull(&rng.matrix(4, 4));
    assert!((&g - &g.t()).iter().all(|v| v.abs() < 1e-14));
    // L̇ is lower triangular, and L L̇ᵀ + L̇ Lᵀ = Ȧ for a symmetric Ȧ.
    let a_dot = &e + &e.t();
    let l_dot = p.push(&a_dot);
    assert!(l_dot.indexed_iter().all(|((i, j), v)| j <= i || *v == 0.0));
    let back = l.dot(&l_dot.t()) + l_dot.dot(&l.t());
    assert!((&back - &a_dot).iter().all(|v| v.abs() < 1e-12));
}

#[allow(clippy::type_complexity)]
fn conv_case<T: Real + LinalgScalar>(rng: &mut Rng, n: usize, m: usize) {
    let (h, tol, adj) = tols::<T>();
    let x: Array1<T> = rng.vector(n);
    let k: Array1<T> = rng.vector(m);
    type Rule<T> = fn(&Array1<T>, &Array1<T>) -> (Array1<T>, (ConvolveLhs<T, Ix1>, ConvolveRhs<T, Ix1>));
    let rules: [(&str, Rule<T>, fn(&Array1<T>, &Array1<T>) -> Array1<T>); 3] = [
        ("convolve_full", ops::convolve_full, |x, k| x.convolve_full(k)),
        ("convolve_valid", ops::convolve_valid, |x, k| x.convolve_valid(k)),
        ("convolve_same", ops::convolve_same, |x, k| x.convolve_same(k)),
    ];
    for (name, rule, method) in rules {
        let (y, (px, pk)) = rule(&x, &k);
        assert_eq!(y, method(&x, &k));
        let what = format!("{name} n={n} m={m}");
        check(&format!("{what}: x"), |x: &Array1<T>| method(x, &k), &x, &px, rng, h, tol, adj);
        check(&format!("{what}: k"), |k: &Array1<T>| method(&x, k), &k, &pk, rng, h, tol, adj);
    }
}

#[test]
fn convolve_partials_match_finite_differences() {
    let mut rng = Rng(99);
    for (n, m) in [(1, 1), (5, 1), (5, 2), (5, 3), (6, 4), (3, 5), (2, 6), (4, 4)] {
        conv_case::<f64>(&mut rng, n, m);
    }
    conv_case::<f32>(&mut rng, 6, 3);
}

#[allow(clippy::type_complexity)]
fn conv2d_case<T: Real + LinalgScalar>(rng: &mut Rng, xs: (usize, usize), ks: (usize, usize)) {
    let (h, tol, adj) = tols::<T>();
    let x: Array2<T> = rng.matrix(xs.0, xs.1);
    let k: Array2<T> = rng.matrix(ks.0, ks.1);
    type Rule<T> = fn(&Array2<T>, &Array2<T>) -> (Array2<T>, (ConvolveLhs<T, Ix2>, ConvolveRhs<T, Ix2>));
    let mut rules: Vec<(&str, Rule<T>, fn(&Array2<T>, &Array2<T>) -> Array2<T>)> = vec![
        ("convolve2d_full", ops::convolve2d_full, |x, k| x.convolve2d_full(k)),
        ("convolve2d_same", ops::convolve2d_same, |x, k| x.convolve2d_same(k)),
    ];
    let fits = |a: (usize, usize), b: (usize, usize)| a.0 >= b.0 && a.1 >= b.1;
    if fits(xs, ks) || fits(ks, xs) {
        rules.push(("convolve2d_valid", ops::convolve2d_valid, |x, k| x.convolve2d_valid(k)));
    }
    for (name, rule, method) in rules {
        let (y, (px, pk)) = rule(&x, &k);
        assert_eq!(y, method(&x, &k));
        let what = format!("{name} {xs:?} {ks:?}");
        check(&format!("{what}: x"), |x: &Array2<T>| method(x, &k), &x, &px, rng, h, tol, adj);
        check(&format!("{what}: k"), |k: &Array2<T>| method(&x, k), &k, &pk, rng, h, tol, adj);
    }
}

#[test]
fn convolve2d_partials_match_finite_differences() {
    let mut rng = Rng(2024);
    for (xs, ks) in
        [((1, 1), (1, 1)), ((4, 5), (2, 3)), ((4, 5), (3, 2)), ((3, 3), (4, 4)), ((2, 5), (3, 2)), ((4, 4), (4, 1))]
    {
        conv2d_case::<f64>(&mut rng, xs, ks);
    }
    conv2d_case::<f32>(&mut rng, (4, 3), (2, 2));
}

#[test]
fn views_and_transposed_layouts_give_the_same_results() {
    let mut rng = Rng(5);
    let a: Array2<f64> = rng.regular(4);
    let at = a.t().to_owned();
    let b: Array2<f64> = rng.matrix(4, 2);
    // `at.t()` is a column-major view of `a`.
    assert_eq!(at.t().solve(&b), a.solve(&b));
    assert_eq!(at.t().inv(), a.inv());
    assert_eq!(at.t().det(), a.det());
    let x = a.column(1);
    assert_eq!(x.convolve_same(&a.column(2)), x.to_owned().convolve_same(&a.column(2).to_owned()));
    assert_eq!(a.t().convolve2d_full(&b.t()), at.convolve2d_full(&b.t().to_owned()));
}

#[track_caller]
fn close_to<D: Dimension>(got: &Array<f64, D>, want: &Array<f64, D>, tol: f64) {
    assert_eq!(got.shape(), want.shape());
    assert!(got.iter().zip(want).all(|(g, w)| (g - w).abs() <= tol), "{got} vs {want}");
}

#[test]
fn primal_values() {
    // numpy.linalg documentation examples: solve([[1, 2], [3, 5]], [1, 2]) = [-1, 1];
    // inv([[1, 2], [3, 4]]) = [[-2, 1], [1.5, -0.5]]; det([[1, 2], [3, 4]]) = -2.0;
    // slogdet([[1, 2], [3, 4]]) = (-1, 0.69314718055994529), i.e. (-1, ln 2).
    let a = array![[1.0, 2.0], [3.0, 4.0]];
    close_to(&array![[1.0, 2.0], [3.0, 5.0]].solve(&array![1.0, 2.0]), &array![-1.0, 1.0], 1e-15);
    close_to(&a.inv(), &array![[-2.0, 1.0], [1.5, -0.5]], 1e-15);
    assert!((a.det() + 2.0).abs() < 1e-15);
    assert!((a.ln_abs_det() - std::f64::consts::LN_2).abs() < 1e-15);
    assert_eq!(a.det_sign(), -1.0);
    assert_eq!(array![[0.0, 1.0], [1.0, 0.0]].det_sign(), -1.0);
    assert_eq!(array![[2.0, 0.0], [0.0, -3.0]].det_sign(), -1.0);
    assert_eq!(array![[-2.0, 0.0], [0.0, -3.0]].det_sign(), 1.0);
    // The Wikipedia "Cholesky decomposition" example.
    let s = array![[4.0, 12.0, -16.0], [12.0, 37.0, -43.0], [-16.0, -43.0, 98.0]];
    let l = s.cholesky();
    assert_eq!(l, array![[2.0, 0.0, 0.0], [6.0, 1.0, 0.0], [-8.0, 5.0, 3.0]]);
    // Only the symmetric part is factored.
    assert_eq!((&s + &array![[0.0, 1.0, 2.0], [-1.0, 0.0, 3.0], [-2.0, -3.0, 0.0]]).cholesky(), l);
    // A permutation that needs pivoting, a 3x3 with a known inverse, f32.
    let p = array![[0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [1.0, 0.0, 0.0]];
    assert_eq!(p.solve(&array![1.0, 2.0, 3.0]), array![3.0, 1.0, 2.0]);
    assert_eq!(p.det(), 1.0);
    let m = array![[2.0f32, -1.0, 0.0], [-1.0, 2.0, -1.0], [0.0, -1.0, 2.0]];
    let m_inv = array![[0.75f32, 0.5, 0.25], [0.5, 1.0, 0.5], [0.25, 0.5, 0.75]];
    assert!((m.inv() - &m_inv).iter().all(|v| v.abs() < 1e-6));
    assert!((m.det() - 4.0).abs() < 1e-5);
    // Empty matrices: det 1, ln |det| 0, inverse and solution empty.
    let e = Array2::<f64>::zeros((0, 0));
    assert_eq!((e.det(), e.ln_abs_det(), e.det_sign()), (1.0, 0.0, 1.0));
    assert_eq!(e.inv().shape(), [0, 0]);
    assert_eq!(e.solve(&Array1::zeros(0)).len(), 0);
    assert_eq!(e.cholesky().shape(), [0, 0]);
    // Singular: det 0, ln |det| −∞, sign 0.
    let sing = array![[1.0, 2.0], [2.0, 4.0]];
    assert_eq!((sing.det(), sing.ln_abs_det(), sing.det_sign()), (0.0, f64::NEG_INFINITY, 0.0));
    // ln |det| where det overflows.
    let big = Array2::from_diag(&Array1::from_elem(400, 10.0));
    assert_eq!(big.det(), f64::INFINITY);
    assert!((big.ln_abs_det() - 400.0 * 10f64.ln()).abs() < 1e-10);
}

#[test]
fn convolve_values_follow_scipy() {
    // numpy.convolve's documented example, which scipy.signal.convolve reproduces (its
    // direct method calls numpy.convolve for 1-D inputs when `x` is the longer):
    // convolve([1, 2, 3], [0, 1, 0.5]) = [0, 1, 2.5, 4, 1.5], 'same' = [1, 2.5, 4],
    // 'valid' = [2.5].
    let (x, k) = (array![1.0, 2.0, 3.0], array![0.0, 1.0, 0.5]);
    assert_eq!(x.convolve_full(&k), array![0.0, 1.0, 2.5, 4.0, 1.5]);
    assert_eq!(x.convolve_same(&k), array![1.0, 2.5, 4.0]);
    assert_eq!(x.convolve_valid(&k), array![2.5]);
    assert_eq!(x.convolve(&k, Mode::Full), x.convolve_full(&k));
    // By hand from scipy's definitions (`_centered` keeps full[(m − 1) // 2 ..][..n]):
    // even kernel: full([1, 2, 3, 4] ∗ [1, 1]) = [1, 3, 5, 7, 4], 'same' keeps [1, 3, 5, 7];
    let x4 = array![1.0, 2.0, 3.0, 4.0];
    assert_eq!(x4.convolve_same(&array![1.0, 1.0]), array![1.0, 3.0, 5.0, 7.0]);
    // full([1, 2, 3, 4, 5] ∗ [1, 2, 3, 4]) = [1, 4, 10, 20, 30, 34, 31, 20]; 'same' starts at 1,
    // 'valid' at 3;
    let x5 = array![1.0, 2.0, 3.0, 4.0, 5.0];
    let k4 = array![1.0, 2.0, 3.0, 4.0];
    assert_eq!(x5.convolve_full(&k4), array![1.0, 4.0, 10.0, 20.0, 30.0, 34.0, 31.0, 20.0]);
    assert_eq!(x5.convolve_same(&k4), array![4.0, 10.0, 20.0, 30.0, 34.0]);
    assert_eq!(x5.convolve_valid(&k4), array![20.0, 30.0]);
    // a kernel longer than the signal: 'same' keeps the signal's length, 'valid' swaps the
    // inputs: full([1, 2] ∗ [1, 2, 3]) = [1, 4, 7, 6], 'same' = [4, 7], 'valid' = [4, 7];
    // full([1, 2] ∗ [1, 1, 1, 1]) = [1, 3, 3, 3, 2], 'same' starts at 1: [3, 3].
    let x2 = array![1.0, 2.0];
    assert_eq!(x2.convolve_same(&array![1.0, 2.0, 3.0]), array![4.0, 7.0]);
    assert_eq!(x2.convolve_valid(&array![1.0, 2.0, 3.0]), array![4.0, 7.0]);
    assert_eq!(x2.convolve_same(&array![1.0, 1.0, 1.0, 1.0]), array![3.0, 3.0]);
    assert_eq!(array![1.0, 2.0, 3.0].convolve_valid(&x2), array![1.0, 2.0, 3.0].convolve_valid(&x2));
    assert_eq!(array![1.0, 2.0, 3.0].convolve_valid(&x2), x2.convolve_valid(&array![1.0, 2.0, 3.0]));

    // 2-D, by hand: full([[1, 2], [3, 4]] ∗ ones(2, 2)) = [[1, 3, 2], [4, 10, 6], [3, 7, 4]];
    // 'same' keeps rows and columns 0..2 ((2 − 1) // 2 = 0), as scipy's convolve2d does
    // (its C kernel offsets 'same' by (m − 1) >> 1); 'valid' = [[10]].
    let x = array![[1.0, 2.0], [3.0, 4.0]];
    let ones = Array2::ones((2, 2));
    assert_eq!(x.convolve2d_full(&ones), array![[1.0, 3.0, 2.0], [4.0, 10.0, 6.0], [3.0, 7.0, 4.0]]);
    assert_eq!(x.convolve2d_same(&ones), array![[1.0, 3.0], [4.0, 10.0]]);
    assert_eq!(x.convolve2d_valid(&ones), array![[10.0]]);
    assert_eq!(x.convolve2d(&ones, Mode::Same), x.convolve2d_same(&ones));
    // A 3x3 kernel with a single 1 at its centre is the identity in 'same' mode, and a
    // shifted one shifts.
    let img = Array2::from_shape_fn((3, 4), |(i, j)| (i * 4 + j) as f64);
    let mut delta = Array2::zeros((3, 3));
    delta[[1, 1]] = 1.0;
    assert_eq!(img.convolve2d_same(&delta), img);
    let mut shift = Array2::zeros((3, 3));
    shift[[1, 2]] = 1.0;
    let shifted = img.convolve2d_same(&shift);
    assert_eq!(shifted.column(0), Array1::zeros(3));
    assert_eq!(shifted.slice(ndarray::s![.., 1..]), img.slice(ndarray::s![.., ..3]));
    // Each row of a 2-D convolution with a one-row kernel is the 1-D convolution.
    let k = array![[0.5, -1.0, 2.0]];
    let y = img.convolve2d_same(&k);
    for i in 0..3 {
        assert_eq!(y.row(i), img.row(i).convolve_same(&k.row(0)));
    }
    // 'valid' with the kernel the larger along every axis swaps the inputs.
    assert_eq!(ones.convolve2d_valid(&img), img.convolve2d_valid(&ones));
}

#[test]
#[should_panic(expected = "solve: the 3x3 matrix is singular")]
fn solve_of_a_singular_matrix_panics() {
    array![[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 0.0, 1.0]].solve(&array![1.0, 2.0, 3.0]);
}

#[test]
#[should_panic(expected = "solve: the 2x2 matrix is singular")]
fn solve_rule_of_a_singular_matrix_panics() {
    let _ = ops::solve(&array![[1.0, 2.0], [2.0, 4.0]], &array![[1.0], [2.0]]);
}

#[test]
#[should_panic(expected = "inv: the 2x2 matrix is singular")]
fn inv_of_a_singular_matrix_panics() {
    let _ = ops::inv(&array![[0.0, 0.0], [1.0, 1.0]]);
}

#[test]
#[should_panic(expected = "solve: shapes [3, 3] and [2] do not match")]
fn solve_shape_mismatch_names_both_shapes() {
    Array2::<f64>::eye(3).solve(&array![1.0, 2.0]);
}

#[test]
#[should_panic(expected = "solve: shapes [2, 3] and [2, 1] do not match")]
fn solve_with_a_non_square_matrix_names_both_shapes() {
    Array2::<f64>::zeros((2, 3)).solve(&array![[1.0], [2.0]]);
}

#[test]
#[should_panic(expected = "inv: expected a square matrix, got shape [2, 3]")]
fn inv_of_a_non_square_matrix_panics() {
    Array2::<f64>::zeros((2, 3)).inv();
}

#[test]
#[should_panic(expected = "det: expected a square matrix, got shape [3, 1]")]
fn det_of_a_non_square_matrix_panics() {
    let _ = ops::det(&Array2::<f64>::zeros((3, 1)));
}

#[test]
#[should_panic(expected = "ln_abs_det: expected a square matrix, got shape [1, 2]")]
fn ln_abs_det_of_a_non_square_matrix_panics() {
    Array2::<f64>::zeros((1, 2)).ln_abs_det();
}

#[test]
#[should_panic(expected = "ln_abs_det: no derivative at the singular 2x2 matrix")]
fn ln_abs_det_partial_at_a_singular_matrix_panics() {
    let (l, p) = ops::ln_abs_det(&array![[1.0, 2.0], [2.0, 4.0]]);
    assert_eq!(l, f64::NEG_INFINITY);
    p.pull(&1.0);
}

#[test]
#[should_panic(expected = "cholesky: the 2x2 matrix is not positive definite")]
fn cholesky_of_an_indefinite_matrix_panics() {
    array![[1.0, 2.0], [2.0, 1.0]].cholesky();
}

#[test]
#[should_panic(expected = "cholesky: the 1x1 matrix is not positive definite")]
fn cholesky_rule_of_a_negative_matrix_panics() {
    let _ = ops::cholesky(&array![[-1.0f32]]);
}

#[test]
#[should_panic(expected = "cholesky: expected a square matrix, got shape [2, 1]")]
fn cholesky_of_a_non_square_matrix_panics() {
    Array2::<f64>::ones((2, 1)).cholesky();
}

#[test]
#[should_panic(
    expected = "convolve2d_valid: in 'valid' mode one input must be at least as large as the other along every axis, got shapes [2, 5] and [3, 2]"
)]
fn convolve2d_valid_needs_one_input_to_contain_the_other() {
    let _ = ops::convolve2d_valid(&Array2::<f64>::ones((2, 5)), &Array2::<f64>::ones((3, 2)));
}

#[test]
#[should_panic(expected = "convolve_full: cannot convolve an empty array: shapes [0] and [3]")]
fn convolve_of_an_empty_array_panics() {
    Array1::<f64>::zeros(0).convolve_full(&array![1.0, 2.0, 3.0]);
}

#[test]
#[should_panic(expected = "convolve2d_same: cannot convolve an empty array: shapes [2, 2] and [0, 1]")]
fn convolve2d_of_an_empty_kernel_panics() {
    Array2::<f64>::ones((2, 2)).convolve2d_same(&Array2::zeros((0, 1)));
}
