//! Tests of the complex rules: each VJP against central differences of a real loss along
//! the real and imaginary direction of every operand element (a real operand along its one
//! direction), each JVP against differences and the VJP as its adjoint, scalars against
//! arrays, and a composite gradient against autograd's.

use super::*;
use crate::{Adjoint, Complex64};
use ndarray::{Array, ArrayD, IxDyn, Zip, array};

type C = Complex64;

struct Rng(u64);

impl Rng {
    fn uniform(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
    }
}

/// An operand type of the tests: how to draw one (away from branch cuts and zeros: real
/// part in [0.2, 1.2]), its directions, the cotangent finite differences along them give,
/// and the pairing of cotangents with tangents.
trait Probe: crate::complex::ComplexOperand<Real = f64> {
    fn draw(rng: &mut Rng) -> Self;
    fn directions() -> Vec<Self>;
    /// The cotangent in the convention from the derivatives along [`directions`].
    fn from_differences(d: &[f64]) -> Self;
    fn pair(a: Self, b: Self) -> f64;
    fn dist(a: Self, b: Self) -> f64;
}

impl Probe for f64 {
    fn draw(rng: &mut Rng) -> f64 {
        0.7 + 0.5 * rng.uniform()
    }
    fn directions() -> Vec<f64> {
        vec![1.0]
    }
    fn from_differences(d: &[f64]) -> f64 {
        d[0]
    }
    fn pair(a: f64, b: f64) -> f64 {
        a * b
    }
    fn dist(a: f64, b: f64) -> f64 {
        (a - b).abs()
    }
}

impl Probe for C {
    fn draw(rng: &mut Rng) -> C {
        C::new(0.7 + 0.5 * rng.uniform(), rng.uniform())
    }
    fn directions() -> Vec<C> {
        vec![C::new(1.0, 0.0), C::new(0.0, 1.0)]
    }
    fn from_differences(d: &[f64]) -> C {
        C::new(d[0], -d[1]) // ∂L/∂x − i ∂L/∂y
    }
    fn pair(a: C, b: C) -> f64 {
        (a * b).re
    }
    fn dist(a: C, b: C) -> f64 {
        (a - b).norm()
    }
}

fn draw<E: Probe>(rng: &mut Rng, shape: &[usize]) -> ArrayD<E> {
    Array::from_shape_fn(IxDyn(shape), |_| E::draw(rng))
}

fn pair<E: Probe>(a: &ArrayD<E>, b: &ArrayD<E>) -> f64 {
    a.iter().zip(b).map(|(&a, &b)| E::pair(a, b)).sum()
}

/// An output of a rule (complex or real), seen as complex for the loss.
trait Output: Copy + 'static {
    fn to_c(self) -> C;
    /// The cotangent of this output from the complex cotangent of its complex embedding.
    fn from_c(c: C) -> Self;
}

impl Output for f64 {
    fn to_c(self) -> C {
        C::new(self, 0.0)
    }
    fn from_c(c: C) -> f64 {
        c.re
    }
}

impl Output for C {
    fn to_c(self) -> C {
        self
    }
    fn from_c(c: C) -> C {
        c
    }
}

/// The loss of complex_convention.py: `L = Σ w|u|² + Σ|u − 1|`.
fn loss<O: Output>(u: &ArrayD<O>, w: &ArrayD<f64>) -> f64 {
    u.iter().zip(w).map(|(u, w)| w * u.to_c().norm_sqr() + (u.to_c() - 1.0).norm()).sum()
}

/// Its cotangent `ū = 2w·conj(u) + conj(u − 1)/|u − 1|`, as the output's type.
fn loss_bar<O: Output>(u: &ArrayD<O>, w: &ArrayD<f64>) -> ArrayD<O> {
    Zip::from(u).and(w).map_collect(|u, &w| {
        let u = u.to_c();
        O::from_c(2.0 * w * u.conj() + (u - 1.0).conj() / (u - 1.0).norm())
    })
}

/// A rule of several operands of one type, giving its value and one operand's partial.
type RuleOf<'a, E, O, P> = dyn Fn(&[ArrayD<E>]) -> (ArrayD<O>, P) + 'a;

/// Checks the partial of operand `k` of a rule `f` of several operands of one type `E`.
fn check_operand<E: Probe, O: Output, P: Partial<ArrayD<O>, X = ArrayD<E>>>(
    name: &str,
    xs: &[ArrayD<E>],
    k: usize,
    f: &RuleOf<'_, E, O, P>,
    rng: &mut Rng,
) where
    ArrayD<O>: crate::Value,
{
    let w = Array::from_shape_fn(xs[0].raw_dim(), |_| 1.5 + rng.uniform());
    let (u, d) = f(xs);
    let g = d.pull(&loss_bar(&u, &w));
    let h = 1e-6;
    for (idx, &gk) in g.indexed_iter() {
        let diffs: Vec<f64> = E::directions()
            .into_iter()
            .map(|e| {
                let (mut p, mut m) = (xs.to_vec(), xs.to_vec());
                p[k][&idx] = p[k][&idx] + e.scale(h);
                m[k][&idx] = m[k][&idx] + e.scale(-h);
                (loss(&f(&p).0, &w) - loss(&f(&m).0, &w)) / (2.0 * h)
            })
            .collect();
        let expected = E::from_differences(&diffs);
        assert!(
            E::dist(gk, expected) < 2e-6 * (1.0 + E::dist(expected, E::zero())),
            "{name}, operand {k}, element {idx:?}: VJP {gk:?} vs finite differences {expected:?}"
        );
    }
    // JVP against differences along a random direction, and the adjoint identity
    let x_dot: ArrayD<E> = draw(rng, xs[k].shape());
    let y_bar: ArrayD<O> = Array::from_shape_fn(u.raw_dim(), |_| O::from_c(C::new(rng.uniform(), rng.uniform())));
    let t = d.push(&x_dot);
    let (mut p, mut m) = (xs.to_vec(), xs.to_vec());
    p[k] = &p[k] + &x_dot.mapv(|v| v.scale(h));
    m[k] = &m[k] + &x_dot.mapv(|v| v.scale(-h));
    let (fp, fm) = (f(&p).0, f(&m).0);
    for ((&t, &a), &b) in t.iter().zip(&fp).zip(&fm) {
        let fd = (a.to_c() - b.to_c()) / (2.0 * h);
        assert!((t.to_c() - fd).norm() < 1e-6 * (1.0 + fd.norm()), "{name}, operand {k}: JVP {:?} vs {fd}", t.to_c());
    }
    let lhs: f64 = y_bar.iter().zip(&t).map(|(a, b)| (a.to_c() * b.to_c()).re).sum();
    let rhs = pair(&d.pull(&y_bar), &x_dot);
    assert!((lhs - rhs).abs() < 1e-12 * (1.0 + lhs.abs()), "{name}, operand {k}: ⟨ȳ, J ẋ⟩ = {lhs}, ⟨Jᵀȳ, ẋ⟩ = {rhs}");
}

macro_rules! unary_case {
    ($rng:expr, $name:ident, $e:ty) => {{
        let x: ArrayD<$e> = draw($rng, &[3, 4]);
        check_operand(
            concat!(stringify!($name), " of ", stringify!($e)),
            &[x],
            0,
            &|xs: &[ArrayD<$e>]| $name(&xs[0]),
            $rng,
        );
    }};
}

#[test]
fn unary_rules_match_finite_differences() {
    let mut rng = Rng(11);
    let rng = &mut rng;
    unary_case!(rng, exp, C);
    unary_case!(rng, ln, C);
    unary_case!(rng, sqrt, C);
    unary_case!(rng, conj, C);
    unary_case!(rng, re, C);
    unary_case!(rng, im, C);
    unary_case!(rng, norm, C);
    unary_case!(rng, norm_sqr, C);
    unary_case!(rng, arg, C);
    unary_case!(rng, from_real, f64);
    unary_case!(rng, exp, f64);
    unary_case!(rng, sqrt, f64);
    unary_case!(rng, conj, f64);
    unary_case!(rng, norm, f64);
}

macro_rules! binary_case {
    ($rng:expr, $name:ident, $ea:ty, $eb:ty) => {{
        let (a, b): (ArrayD<$ea>, ArrayD<$eb>) = (draw($rng, &[2, 3]), draw($rng, &[2, 3]));
        let label = concat!(stringify!($name), "(", stringify!($ea), ", ", stringify!($eb), ")");
        let (bb, aa) = (b.clone(), a.clone());
        check_operand(
            label,
            &[a],
            0,
            &|xs: &[ArrayD<$ea>]| {
                let (y, (d, _)) = $name(&xs[0], &bb);
                (y, d)
            },
            $rng,
        );
        check_operand(
            label,
            &[b],
            0,
            &|xs: &[ArrayD<$eb>]| {
                let (y, (_, d)) = $name(&aa, &xs[0]);
                (y, d)
            },
            $rng,
        );
    }};
}

#[test]
fn binary_rules_match_finite_differences() {
    let mut rng = Rng(12);
    let rng = &mut rng;
    binary_case!(rng, add, C, C);
    binary_case!(rng, add, C, f64);
    binary_case!(rng, sub, f64, C);
    binary_case!(rng, sub, C, C);
    binary_case!(rng, mul, C, C);
    binary_case!(rng, mul, C, f64);
    binary_case!(rng, mul, f64, C);
    binary_case!(rng, div, C, C);
    binary_case!(rng, div, C, f64);
    binary_case!(rng, div, f64, C);
    binary_case!(rng, powf, C, f64);
    binary_case!(rng, powf, C, C);
    binary_case!(rng, powf, f64, C);
    binary_case!(rng, new, f64, f64);
    binary_case!(rng, from_polar, f64, f64);
}

#[test]
fn scalars_agree_with_arrays() {
    let mut rng = Rng(13);
    let z: ArrayD<C> = draw(&mut rng, &[5]);
    let r: ArrayD<f64> = draw(&mut rng, &[5]);
    let y_bar = C::new(0.3, -1.2);
    for k in 0..5 {
        let (zk, rk) = (z[[k]], r[[k]]);
        let (y, d) = exp(&zk);
        let (ya, da) = exp(&z);
        assert_eq!(y, ya[[k]]);
        assert_eq!(d.pull(&y_bar), da.pull(&Array::from_elem(IxDyn(&[5]), y_bar))[[k]]);
        let (y, d) = arg(&zk);
        let (ya, da) = arg(&z);
        assert_eq!(y, ya[[k]]);
        assert_eq!(d.push(&y_bar), da.push(&Array::from_elem(IxDyn(&[5]), y_bar))[[k]]);
        let (y, (_, db)) = div(&zk, &rk);
        let (ya, (_, dba)) = div(&z, &r);
        assert_eq!(y, ya[[k]]);
        assert_eq!(db.pull(&y_bar), dba.pull(&Array::from_elem(IxDyn(&[5]), y_bar))[[k]]);
        assert_eq!(new(&rk, &2.0).0, C::new(rk, 2.0));
        let p = from_polar(&rk, &0.5).0;
        assert!((p - C::from_polar(rk, 0.5)).norm() < 1e-15);
    }
}

#[test]
fn special_points() {
    // |z| at 0: gradient 0 as in autograd; arg at 0: NaN as in autograd
    let zero = C::new(0.0, 0.0);
    assert_eq!(norm(&zero).1.pull(&1.0), zero);
    assert!(arg(&zero).1.pull(&1.0).re.is_nan());
    // a real operand of a rule with a real result: its cotangent is real
    assert_eq!(norm(&-2.0f64).1.pull(&1.0), -1.0);
    // numpy's angle of a negative real is π
    assert_eq!(arg(&C::new(-1.0, 0.0)).0, std::f64::consts::PI);
    // f32
    let (y, d) = exp(&num_complex::Complex32::new(0.0, 0.0));
    assert_eq!(
        (y, d.pull(&num_complex::Complex32::new(1.0, 0.0))),
        (num_complex::Complex32::new(1.0, 0.0), num_complex::Complex32::new(1.0, 0.0))
    );
}

#[test]
fn vjps_accumulate_and_jvps_take_none() {
    let (a, b) = (array![C::new(1.0, 2.0), C::new(0.5, -1.0)], array![2.0f64, -3.0]);
    let (y, (da, db)) = mul(&a, &b);
    let y_bar = Adjoint::new(array![C::new(1.0, 0.0), C::new(0.0, 1.0)]);
    let mut a_bar = Adjoint::new(array![C::new(1.0, 1.0), C::new(1.0, 1.0)]);
    let mut b_bar = Adjoint::zero();
    mul_vjp(&y_bar, &mut a_bar, &da);
    mul_vjp(&y_bar, &mut b_bar, &db);
    assert_eq!(a_bar.get().unwrap(), array![C::new(3.0, 1.0), C::new(1.0, -2.0)]);
    // b̄ = Re(ȳ·a) = [1, Re(i(0.5 − i))] = [1, 1]
    assert_eq!(b_bar.get().unwrap(), array![1.0, 1.0]);
    let (y2, t) = mul_jvp(&a, &b, None, Some(&array![1.0, 0.0]));
    assert_eq!((y2, t), (y, array![C::new(1.0, 2.0), C::new(0.0, 0.0)]));
    let (_, t) = mul_jvp(&a, &b, None, None);
    assert_eq!(t, Array::zeros(2));
}

#[test]
#[should_panic(expected = "mul: the operands have shapes [2] and [3]; complex rules do not broadcast")]
fn binary_rules_need_equal_shapes() {
    let _ = mul(&array![C::new(1.0, 0.0), C::new(1.0, 0.0)], &array![1.0f64, 2.0, 3.0]);
}

/// autograd 1.9.1's gradient of a composite loss of most rules; made by
/// ```text
/// import autograd.numpy as np; from autograd import grad
/// k = np.arange(5); z = (0.6 + 0.3*np.cos(k)) + 1j*np.sin(1.7*k - 0.5)
/// a = 0.8 - 0.2*k + 1j*(0.5 + 0.1*k); w = 1.0 + 0.25*k; r = 0.5 + 0.3*np.sin(k)
/// def L(z):
///     s = np.sum(w*np.abs(np.exp(a*z) + np.conj(z))**2) + np.sum(np.angle(z))
///     s = s + np.sum(np.real(z*z)*np.imag(np.sqrt(z))) + np.sum(np.abs(np.log(z)))
///     return s + np.sum(np.abs(z**1.5)) + np.sum(np.abs(z/a - r))
/// grad(L)(z)
/// ```
#[rustfmt::skip]
const AUTOGRAD: [(f64, f64); 5] = [(24.495304213590835, 10.361844970925738), (3.534147111615537, -0.6165315328022816), (4.000176273595516, 2.544021763421522), (20.17352573658936, 24.2522183252595), (4.084214135381473, 4.042048781590196)];

#[test]
fn composite_gradient_matches_autograd() {
    let k = Array::from_shape_fn(5, |k| k as f64);
    let z = k.mapv(|k| C::new(0.6 + 0.3 * k.cos(), (1.7 * k - 0.5).sin()));
    let a = k.mapv(|k| C::new(0.8 - 0.2 * k, 0.5 + 0.1 * k));
    let w = k.mapv(|k| 1.0 + 0.25 * k);
    let r = k.mapv(|k| 0.5 + 0.3 * k.sin());
    let mut z_bar = Adjoint::zero();
    let ones = Array::from_elem(5, 1.0);
    // s1 = Σ w |exp(a z) + conj(z)|²
    let (az, (_, d_az)) = mul(&a, &z);
    let (e, d_e) = exp(&az);
    let (c, d_c) = conj(&z);
    let (u, (d_u0, d_u1)) = add(&e, &c);
    let (_, d_n) = norm_sqr(&u);
    let u_bar = Adjoint::new(d_n.pull(&w));
    let (mut e_bar, mut c_bar, mut az_bar) = (Adjoint::zero(), Adjoint::zero(), Adjoint::zero());
    add_vjp(&u_bar, &mut e_bar, &d_u0);
    add_vjp(&u_bar, &mut c_bar, &d_u1);
    conj_vjp(c_bar, &mut z_bar, d_c);
    exp_vjp(e_bar, &mut az_bar, d_e);
    mul_vjp(&az_bar, &mut z_bar, &d_az);
    // s2 = Σ angle(z)
    let (_, d_arg) = arg(&z);
    arg_vjp(Adjoint::new(ones.clone()), &mut z_bar, d_arg);
    // s3 = Σ re(z²) im(√z)
    let (zz, (d_zz0, d_zz1)) = mul(&z, &z);
    let (rz, d_re) = re(&zz);
    let (s, d_s) = sqrt(&z);
    let (is, d_im) = im(&s);
    let (mut zz_bar, mut s_bar) = (Adjoint::zero(), Adjoint::zero());
    re_vjp(Adjoint::new(is), &mut zz_bar, d_re);
    im_vjp(Adjoint::new(rz), &mut s_bar, d_im);
    sqrt_vjp(s_bar, &mut z_bar, d_s);
    mul_vjp(&zz_bar, &mut z_bar, &d_zz0);
    mul_vjp(&zz_bar, &mut z_bar, &d_zz1);
    // s4 = Σ |ln z|
    let (l, d_l) = ln(&z);
    let (_, d_ab) = norm(&l);
    let mut l_bar = Adjoint::zero();
    norm_vjp(Adjoint::new(ones.clone()), &mut l_bar, d_ab);
    ln_vjp(l_bar, &mut z_bar, d_l);
    // s5 = Σ |z^1.5|
    let (p, (d_p, _)) = powf(&z, &Array::from_elem(5, 1.5));
    let (_, d_ab) = norm(&p);
    let mut p_bar = Adjoint::zero();
    norm_vjp(Adjoint::new(ones.clone()), &mut p_bar, d_ab);
    powf_vjp(&p_bar, &mut z_bar, &d_p);
    // s6 = Σ |z/a − r|
    let (q, (d_q, _)) = div(&z, &a);
    let (v, (d_v, _)) = sub(&q, &r);
    let (_, d_ab) = norm(&v);
    let (mut v_bar, mut q_bar) = (Adjoint::zero(), Adjoint::zero());
    norm_vjp(Adjoint::new(ones), &mut v_bar, d_ab);
    sub_vjp(&v_bar, &mut q_bar, &d_v);
    div_vjp(&q_bar, &mut z_bar, &d_q);
    let g = z_bar.get().unwrap();
    for (k, (g, &(re, im))) in g.iter().zip(&AUTOGRAD).enumerate() {
        let e = C::new(re, im);
        assert!((g - e).norm() < 1e-12 * (1.0 + e.norm()), "element {k}: {g} vs autograd's {e}");
    }
}

#[test]
fn large_arrays_take_the_parallel_path_and_agree_with_scalars() {
    let mut rng = Rng(14);
    let shape = [100, 100];
    assert!(shape[0] * shape[1] >= crate::array::PARALLEL_THRESHOLD_COSTLY);
    let (z, r): (ArrayD<C>, ArrayD<f64>) = (draw(&mut rng, &shape), draw(&mut rng, &shape));
    let y_bar = Array::from_elem(IxDyn(&shape), C::new(0.5, -2.0));
    let (y, d) = exp(&z);
    let (n, dn) = norm(&z);
    let (q, (dq, dr)) = div(&z, &r);
    let (pz, pr) = (d.pull(&y_bar), dr.pull(&y_bar));
    let pq = dq.pull(&y_bar);
    let pn = dn.pull(&n);
    for (idx, &zk) in z.indexed_iter() {
        let rk = r[&idx];
        assert_eq!(y[&idx], exp(&zk).0);
        assert_eq!(pz[&idx], exp(&zk).1.pull(&y_bar[&idx]));
        assert_eq!(pn[&idx], norm(&zk).1.pull(&n[&idx]));
        let (qk, (dqk, drk)) = div(&zk, &rk);
        assert_eq!((q[&idx], pq[&idx], pr[&idx]), (qk, dqk.pull(&y_bar[&idx]), drk.pull(&y_bar[&idx])));
    }
}
