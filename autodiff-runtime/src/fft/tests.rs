//! Tests of the FFT rules: against a direct O(n²) DFT, the VJPs against finite differences
//! of a real loss along the real and the imaginary direction of every input element (the
//! convention of the module docs), the JVPs against finite differences, the adjoint identity,
//! and the parallel kernels against the sequential ones.

use super::*;
use crate::{Adjoint, Complex64};
use ndarray::{Array, ArrayD, Ix1, Ix2, IxDyn, ShapeBuilder, array};
use num_complex::Complex32;

type C = Complex64;

/// A small deterministic generator (xorshift), so that failures reproduce.
struct Rng(u64);

impl Rng {
    fn uniform(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
    }
    fn complex(&mut self, shape: &[usize]) -> ArrayD<C> {
        Array::from_shape_fn(IxDyn(shape), |_| C::new(self.uniform(), self.uniform()))
    }
    fn real(&mut self, shape: &[usize]) -> ArrayD<f64> {
        Array::from_shape_fn(IxDyn(shape), |_| self.uniform())
    }
}

/// The direct DFT of one lane: `yₖ = Σⱼ xⱼ e^{∓2πi jk/n}`, divided by `n` if `inverse`.
fn naive_dft(x: &[C], inverse: bool) -> Vec<C> {
    let n = x.len();
    let sign = if inverse { 1.0 } else { -1.0 };
    (0..n)
        .map(|k| {
            let s: C = (0..n)
                .map(|j| x[j] * C::from_polar(1.0, sign * 2.0 * std::f64::consts::PI * ((j * k) % n) as f64 / n as f64))
                .sum();
            if inverse { s / n as f64 } else { s }
        })
        .collect()
}

/// The direct DFT of `x` along each of `axes`, lane by lane.
fn naive(x: &ArrayD<C>, axes: &[usize], inverse: bool) -> ArrayD<C> {
    let mut y = x.clone();
    for &k in axes {
        for mut lane in y.lanes_mut(Axis(k)) {
            let v = naive_dft(&lane.to_vec(), inverse);
            lane.iter_mut().zip(v).for_each(|(a, b)| *a = b);
        }
    }
    y
}

fn max_diff(a: &ArrayD<C>, b: &ArrayD<C>) -> f64 {
    assert_eq!(a.shape(), b.shape());
    a.iter().zip(b).map(|(a, b)| (a - b).norm()).fold(0.0, f64::max)
}

fn scale_of(a: &ArrayD<C>) -> f64 {
    a.iter().map(|v| v.norm()).fold(1.0, f64::max)
}

#[test]
fn fft_matches_the_direct_dft_in_1d() {
    let mut rng = Rng(1);
    for n in [1, 2, 3, 4, 5, 7, 8, 12, 17, 30, 64, 97, 128, 210] {
        let x = rng.complex(&[n]);
        for (inverse, y) in [(false, fft(&x).0), (true, ifft(&x).0)] {
            let e = naive(&x, &[0], inverse);
            assert!(max_diff(&y, &e) < 1e-12 * scale_of(&e) * n as f64, "n = {n}, inverse = {inverse}");
        }
        let back = ifft(&fft(&x).0).0;
        assert!(max_diff(&back, &x) < 1e-13 * n as f64, "round trip at n = {n}");
    }
}

#[test]
fn multi_axis_transforms_match_the_direct_dft() {
    let mut rng = Rng(2);
    for shape in [&[1, 1][..], &[1, 5], &[5, 1], &[3, 4], &[6, 7], &[16, 9], &[2, 3, 5], &[4, 1, 6, 3]] {
        let x = rng.complex(shape);
        let nd = shape.len();
        let last2 = [nd - 2, nd - 1];
        let all: Vec<usize> = (0..nd).collect();
        let cases: Vec<(&str, ArrayD<C>, ArrayD<C>)> = vec![
            ("fft", fft(&x).0, naive(&x, &[nd - 1], false)),
            ("ifft", ifft(&x).0, naive(&x, &[nd - 1], true)),
            ("fft2", fft2(&x).0, naive(&x, &last2, false)),
            ("ifft2", ifft2(&x).0, naive(&x, &last2, true)),
            ("fftn", fftn(&x).0, naive(&x, &all, false)),
            ("ifftn", ifftn(&x).0, naive(&x, &all, true)),
        ];
        for (name, y, e) in cases {
            assert!(max_diff(&y, &e) < 1e-12 * scale_of(&e), "{name} at shape {shape:?}");
        }
        for k in 0..nd {
            assert!(max_diff(&fft_axis(&x, Axis(k)).0, &naive(&x, &[k], false)) < 1e-12 * scale_of(&x) * 16.0);
            assert!(max_diff(&ifft_axis(&x, Axis(k)).0, &naive(&x, &[k], true)) < 1e-12 * scale_of(&x));
        }
    }
}

#[test]
fn static_dimensions_views_and_other_layouts() {
    let mut rng = Rng(3);
    let x = rng.complex(&[6, 5]);
    let x2 = x.clone().into_dimensionality::<Ix2>().unwrap();
    let expected = fft2(&x).0.into_dimensionality::<Ix2>().unwrap();
    // static dimension, a view, a column-major copy and a transposed view give the same values
    assert_eq!(fft2(&x2).0, expected);
    assert_eq!(fft2(&x2.view()).0, expected);
    let mut f = Array::zeros((6, 5).f());
    f.assign(&x2);
    assert!(max_diff(&fft2(&f).0.into_dyn(), &expected.clone().into_dyn()) < 1e-13);
    let t = x2.t().to_owned();
    assert!(max_diff(&fft2(&t.t()).0.into_dyn(), &expected.into_dyn()) < 1e-13);
    // a strided view
    let s = x2.slice(ndarray::s![..;2, ..]);
    assert!(max_diff(&fft(&s).0.into_dyn(), &naive(&s.to_owned().into_dyn(), &[1], false)) < 1e-12);
    // 1-D, static
    let v = array![C::new(1.0, 0.0)];
    assert_eq!(fft(&v).0, v);
    assert_eq!(ifft(&v).0, v);
    let _: Array<C, Ix1> = fftshift(&v).0;
}

#[test]
fn real_and_single_precision_inputs() {
    let mut rng = Rng(4);
    let r = rng.real(&[4, 6]);
    let rc = r.mapv(|v| C::new(v, 0.0));
    assert_eq!(fft2(&r).0, fft2(&rc).0);
    assert_eq!(ifft(&r).0, ifft(&rc).0);
    let x = rng.complex(&[3, 10]);
    let x32 = x.mapv(|v| Complex32::new(v.re as f32, v.im as f32));
    let y32 = fft2(&x32).0;
    let y = fft2(&x).0;
    let err = y.iter().zip(&y32).map(|(a, b)| (a - C::new(b.re as f64, b.im as f64)).norm()).fold(0.0, f64::max);
    assert!(err < 1e-5 * scale_of(&y), "f32 vs f64: {err}");
    let r32 = r.mapv(|v| v as f32);
    assert_eq!(fftshift(&r32).0, fftshift(&r).0.mapv(|v| v as f32));
}

#[test]
fn empty_and_length_one_axes() {
    let e: ArrayD<C> = Array::zeros(IxDyn(&[0, 3]));
    assert_eq!(fft2(&e).0.shape(), &[0, 3]);
    assert_eq!(ifft(&e).0.shape(), &[0, 3]);
    assert_eq!(fftshift(&e).0.shape(), &[0, 3]);
    let one = array![[C::new(2.0, -1.0)]];
    assert_eq!(fft2(&one).0, one);
    assert_eq!(ifft2(&one).0, one);
    let col = array![[C::new(1.0, 0.0)], [C::new(2.0, 0.0)]];
    assert_eq!(fft(&col).0, col, "a length-one last axis is left alone");
    let zero_d = Array::from_elem(IxDyn(&[]), C::new(3.0, 4.0));
    assert_eq!(fftn(&zero_d).0, zero_d);
}

#[test]
fn fftshift_matches_numpy() {
    // np.fft.fftshift(np.arange(n)) and ifftshift, for odd and even n
    let x = array![0.0f64, 1.0, 2.0, 3.0, 4.0, 5.0];
    assert_eq!(fftshift(&x).0, array![3.0, 4.0, 5.0, 0.0, 1.0, 2.0]);
    assert_eq!(ifftshift(&x).0, array![3.0, 4.0, 5.0, 0.0, 1.0, 2.0]);
    let x = array![0.0f64, 1.0, 2.0, 3.0, 4.0];
    assert_eq!(fftshift(&x).0, array![3.0, 4.0, 0.0, 1.0, 2.0]);
    assert_eq!(ifftshift(&x).0, array![2.0, 3.0, 4.0, 0.0, 1.0]);
    assert_eq!(ifftshift(&fftshift(&x).0).0, x);
    // np.fft.fftshift(np.arange(12).reshape(3, 4)) and along axis 0 only, and a repeated axis
    let m = Array::from_shape_fn((3, 4), |(i, j)| (4 * i + j) as f64);
    assert_eq!(fftshift(&m).0, array![[10.0, 11.0, 8.0, 9.0], [2.0, 3.0, 0.0, 1.0], [6.0, 7.0, 4.0, 5.0]]);
    assert_eq!(
        fftshift_axes(&m, &[Axis(0)]).0,
        array![[8.0, 9.0, 10.0, 11.0], [0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0]]
    );
    assert_eq!(fftshift_axes(&m, &[Axis(1), Axis(1)]).0, m, "two half-turns of an even axis");
    assert_eq!(ifftshift_axes(&fftshift_axes(&m, &[Axis(0)]).0, &[Axis(0)]).0, m);
}

// ---------------------------------------------------------------------------------------
// derivatives

/// A rule on complex arrays, seen through boxed closures: its value, its JVP and its VJP
/// (pulling `ȳ` back into a fresh adjoint).
struct Rule {
    name: &'static str,
    f: Box<Primal>,
    jvp: Box<Jvp>,
    vjp: Box<Vjp>,
}

type Primal = dyn Fn(&ArrayD<C>) -> ArrayD<C>;
type Jvp = dyn Fn(&ArrayD<C>, &ArrayD<C>) -> (ArrayD<C>, ArrayD<C>);
type Vjp = dyn Fn(&ArrayD<C>, ArrayD<C>) -> ArrayD<C>;

macro_rules! rule {
    ($op:ident, $jvp:ident, $vjp:ident $(, $arg:expr)*) => {
        Rule {
            name: concat!(stringify!($op) $(, "(", stringify!($arg), ")")*),
            f: Box::new(|x| $op(x $(, $arg)*).0),
            jvp: Box::new(|x, x_dot| $jvp(x, $($arg,)* x_dot)),
            vjp: Box::new(|x, y_bar| {
                let (_, d) = $op(x $(, $arg)*);
                let mut x_bar = Adjoint::zero();
                $vjp(Adjoint::new(y_bar), &mut x_bar, d);
                x_bar.get().unwrap()
            }),
        }
    };
}

fn rules() -> Vec<Rule> {
    vec![
        rule!(fft, fft_jvp, fft_vjp),
        rule!(ifft, ifft_jvp, ifft_vjp),
        rule!(fft_axis, fft_axis_jvp, fft_axis_vjp, Axis(0)),
        rule!(ifft_axis, ifft_axis_jvp, ifft_axis_vjp, Axis(0)),
        rule!(fft2, fft2_jvp, fft2_vjp),
        rule!(ifft2, ifft2_jvp, ifft2_vjp),
        rule!(fftn, fftn_jvp, fftn_vjp),
        rule!(ifftn, ifftn_jvp, ifftn_vjp),
        rule!(fftshift, fftshift_jvp, fftshift_vjp),
        rule!(ifftshift, ifftshift_jvp, ifftshift_vjp),
        rule!(fftshift_axes, fftshift_axes_jvp, fftshift_axes_vjp, &[Axis(1)]),
        rule!(ifftshift_axes, ifftshift_axes_jvp, ifftshift_axes_vjp, &[Axis(0)]),
    ]
}

/// The real loss of complex_convention.py, after a holomorphic product with a constant:
/// `L(z) = Σ w |u|² + Σ |u − 1|` with `u = f(a ⊙ z)`.
fn loss(f: &Primal, a: &ArrayD<C>, w: &ArrayD<f64>, z: &ArrayD<C>) -> f64 {
    let u = f(&(a * z));
    u.iter().zip(w).map(|(u, w)| w * u.norm_sqr() + (u - 1.0).norm()).sum()
}

/// The gradient of [`loss`] in the convention `∂L/∂x − i ∂L/∂y`, by hand through the rule's
/// VJP and hand-written VJPs of the loss and of the product:
/// `ū = 2w·conj(u) + conj(u − 1)/|u − 1|` (the cotangent of a real function of `u` is
/// `∂L/∂Re u − i ∂L/∂Im u`), `v̄ = vjp(ū)`, and `z̄ = a ⊙ v̄` (holomorphic: no conjugate).
fn loss_grad(rule: &Rule, a: &ArrayD<C>, w: &ArrayD<f64>, z: &ArrayD<C>) -> ArrayD<C> {
    let u = (rule.f)(&(a * z));
    let mut u_bar = u.clone();
    ndarray::Zip::from(&mut u_bar).and(&u).and(w).for_each(|b, &u, &w| {
        *b = 2.0 * w * u.conj() + (u - 1.0).conj() / (u - 1.0).norm();
    });
    let v_bar = (rule.vjp)(&(a * z), u_bar);
    a * &v_bar
}

#[test]
fn vjps_match_finite_differences_along_real_and_imaginary_parts() {
    let mut rng = Rng(5);
    for shape in [&[4, 5][..], &[3, 1], &[2, 3, 4]] {
        let (z, a) = (rng.complex(shape), rng.complex(shape));
        let w = rng.real(shape).mapv(|v| v + 2.0);
        for rule in rules() {
            let g = loss_grad(&rule, &a, &w, &z);
            let h = 1e-6;
            let mut worst: f64 = 0.0;
            for (idx, &gk) in g.indexed_iter() {
                let mut fd = [0.0; 2];
                for (part, step) in [C::new(h, 0.0), C::new(0.0, h)].into_iter().enumerate() {
                    let (mut zp, mut zm) = (z.clone(), z.clone());
                    zp[&idx] += step;
                    zm[&idx] -= step;
                    let f = |z: &ArrayD<C>| loss(&*rule.f, &a, &w, z);
                    fd[part] = (f(&zp) - f(&zm)) / (2.0 * h);
                }
                let expected = C::new(fd[0], -fd[1]); // ∂L/∂x − i ∂L/∂y
                worst = worst.max((gk - expected).norm() / (1.0 + expected.norm()));
                assert!(
                    (gk - expected).norm() < 1e-6 * (1.0 + expected.norm()),
                    "{} at shape {shape:?}, element {idx:?}: analytic {gk} vs finite differences {expected}",
                    rule.name
                );
            }
            assert!(worst < 1e-6, "{}", rule.name);
        }
    }
}

/// The pairing `⟨a, b⟩ = Re Σ a·b` of cotangents with tangents in the convention.
fn pair(a: &ArrayD<C>, b: &ArrayD<C>) -> f64 {
    a.iter().zip(b).map(|(a, b)| (a * b).re).sum()
}

/// autograd 1.9.1's gradients (numpy 2.4.6) of `L(z) = Σ w|u|² + Σ|u − 1|`, `u = op(a ⊙ z)`,
/// for the 3 × 4 inputs of [`autograd_inputs`], row-major; made by
/// ```text
/// import autograd.numpy as np; from autograd import grad
/// J, K = np.meshgrid(np.arange(3), np.arange(4), indexing="ij")
/// z = np.cos(1.3*J + 0.7*K + 0.1) + 1j*np.sin(0.9*J - 0.4*K + 0.3)
/// a = 1.0 + 0.5*np.sin(J + 2.0*K) + 1j*0.3*np.cos(2.0*J - K); w = 1.5 + np.cos(J*K + 0.2)
/// L = lambda z: np.sum(w*np.abs(op(a*z))**2) + np.sum(np.abs(op(a*z) - 1.0)); grad(L)(z)
/// ```
/// with `op` each of `np.fft.fft`, `ifft`, `fft(·, axis=0)`, `fft2`, `ifft2`, `fftshift`, `ifftshift`.
#[rustfmt::skip]
const AUTOGRAD: &[(&str, [(f64, f64); 12])] = &[
    ("fft", [(21.93269807892596, -6.443814409485379), (33.69398111808403, 6.306974280602708), (0.5279275209621958, 3.8128033579701546), (-9.722750022163817, 15.11557509173141), (-3.199038143399172, -25.12336096152758), (-14.722947108314319, -18.574269366268197), (-6.414760745319069, -6.9057787295391), (-19.28901262521239, -1.7039812853098861), (-33.30024107153426, -34.83934508623064), (-10.979178217498228, -12.134967127785062), (-8.330167544630925, -16.54488076169799), (-4.672603370759139, -33.14307025951106)]),
    ("ifft", [(0.4483631507080631, -0.7866430584257125), (2.1564499602029565, 0.4725035311646515), (0.005282151401889219, 0.2673805263266654), (-0.7942153503821043, 0.911057364904932), (-1.99335010230413, -1.9284804620289822), (-0.36087504320725, -0.6415046961895253), (-0.31840892540553745, -0.22181515546309444), (-1.6529576630568712, -0.7321523662775737), (-3.3533885804998107, -2.371577750505074), (-0.7491343293899975, -0.5657379227927751), (-0.39939470808914684, -1.0164458505271605), (0.14248214647551893, -2.629702182899505)]),
    ("fft_axis0", [(16.8161512901114, -5.416882593231725), (13.400404599063098, -2.7323911073563343), (-2.6532567995874157, 1.3680664632132276), (-4.236879268133343, 9.692875850085532), (6.39742586353951, -29.20199701181902), (-3.046588935474202, -14.72221506081793), (-3.8693903920021677, -2.8105571181639237), (-29.265063151549963, -6.306569270761454), (-32.415953107042995, -29.471268252297122), (-5.8042192849644625, -4.751992757037913), (-5.667064566033814, -6.950598525859738), (-0.9350552563403709, -22.779041553467223)]),
    ("fft2", [(49.688866875473025, -23.745204342987314), (86.9450067699792, 5.241325150560607), (8.065305389158663, 12.179028096750995), (-20.711247779273403, 40.67326123414428), (14.350092482088867, -109.50808424270214), (-31.798557094653088, -40.17180313929355), (-27.660870668691306, -15.240696094067362), (-79.35977006361944, -11.692390419806026), (-89.44515927479767, -132.04094468979343), (-31.04172565984171, -30.945791485796562), (-23.05919385558636, -43.94322545582373), (-26.9807463992966, -96.09773356180708)]),
    ("ifft2", [(-0.6155270880083672, -0.38756670818050015), (0.7339436849453798, 0.13273179612574937), (0.05172515877062674, 0.0757142697154659), (-0.20913611820783604, 0.30799254559363703), (0.11000249339527535, -0.944391200930438), (-0.2686442264837292, -0.39621344799752256), (-0.20458934585678815, -0.1016470878545444), (-0.5462184778417128, -0.060324035649748815), (-0.6978766011054877, -1.06693846201324), (-0.1722345675623005, -0.21512215262792866), (-0.12359098441406989, -0.3225335875334644), (-0.1214896482869339, -0.8325097557045738)]),
    ("fftshift", [(2.117746357839001, -1.6217378262115534), (2.3619544459791064, 1.3957931493422369), (-0.41791215471174914, 1.2551350690271792), (-2.5606257490673294, 2.9395462874351383), (-0.04186669963789291, -5.047782209925903), (-3.882313343306562, -4.758613179585668), (-2.2217633772852645, -0.9709833276876177), (-4.39421082534968, -0.0720657963895855), (-10.97988072558264, -9.869339164274901), (-2.9560632488671734, -2.4437346005650356), (-2.9425753467097593, -3.9788985557243084), (0.14326653847505322, -10.030748772148002)]),
    ("ifftshift", [(2.3308402757594187, -1.6850275699730983), (8.316695123665161, 2.2490677039339317), (-0.41791215471174914, 1.2551350690271792), (-1.633611360786882, 1.7056398518134324), (0.9747940628880741, -10.622786600036779), (-3.862810694766207, -4.7309010835793295), (-2.2217633772852645, -0.9709833276876177), (-9.656288325143805, -0.07206579638958475), (-4.869421466576803, -4.035063975646607), (-1.1405790507763864, -0.5815550816152408), (-2.9425753467097593, -3.9788985557243084), (-0.10107111603547059, -7.843337532726986)]),
];

fn autograd_inputs() -> (ArrayD<C>, ArrayD<C>, ArrayD<f64>) {
    let at = |f: &dyn Fn(f64, f64) -> C| Array::from_shape_fn(IxDyn(&[3, 4]), |i| f(i[0] as f64, i[1] as f64));
    let z = at(&|j, k| C::new((1.3 * j + 0.7 * k + 0.1).cos(), (0.9 * j - 0.4 * k + 0.3).sin()));
    let a = at(&|j, k| C::new(1.0 + 0.5 * (j + 2.0 * k).sin(), 0.3 * (2.0 * j - k).cos()));
    let w = at(&|j, k| C::new(1.5 + (j * k + 0.2).cos(), 0.0)).mapv(|v| v.re);
    (z, a, w)
}

#[test]
fn vjps_match_autograd() {
    let (z, a, w) = autograd_inputs();
    let rules = [
        rule!(fft, fft_jvp, fft_vjp),
        rule!(ifft, ifft_jvp, ifft_vjp),
        rule!(fft_axis, fft_axis_jvp, fft_axis_vjp, Axis(0)),
        rule!(fft2, fft2_jvp, fft2_vjp),
        rule!(ifft2, ifft2_jvp, ifft2_vjp),
        rule!(fftshift, fftshift_jvp, fftshift_vjp),
        rule!(ifftshift, ifftshift_jvp, ifftshift_vjp),
    ];
    for (rule, (name, expected)) in rules.iter().zip(AUTOGRAD) {
        let g = loss_grad(rule, &a, &w, &z);
        for (k, (g, &(re, im))) in g.iter().zip(expected).enumerate() {
            let e = C::new(re, im);
            assert!(
                (g - e).norm() < 1e-12 * (1.0 + e.norm()),
                "{} ({name}), element {k}: {g} vs autograd's {e}",
                rule.name
            );
        }
    }
}

#[test]
fn jvps_match_finite_differences_and_vjps_are_their_adjoints() {
    let mut rng = Rng(6);
    for shape in [&[4, 5][..], &[1, 1], &[3, 2, 7], &[2, 16]] {
        for rule in rules() {
            let (x, x_dot, y_bar) = (rng.complex(shape), rng.complex(shape), rng.complex(shape));
            let (y, y_dot) = (rule.jvp)(&x, &x_dot);
            assert_eq!(y, (rule.f)(&x), "{}: the JVP's value", rule.name);
            let h = 1e-4;
            let fd = ((rule.f)(&(&x + &x_dot.mapv(|v| v * h))) - (rule.f)(&(&x - &x_dot.mapv(|v| v * h)))) / (2.0 * h);
            assert!(max_diff(&y_dot, &fd) < 1e-9 * scale_of(&fd), "{} JVP at shape {shape:?}", rule.name);
            let x_bar = (rule.vjp)(&x, y_bar.clone());
            let (lhs, rhs) = (pair(&y_bar, &y_dot), pair(&x_bar, &x_dot));
            assert!(
                (lhs - rhs).abs() < 1e-12 * (1.0 + lhs.abs()),
                "{}: ⟨ȳ, J ẋ⟩ = {lhs} but ⟨Jᵀȳ, ẋ⟩ = {rhs}",
                rule.name
            );
        }
    }
}

#[test]
fn real_inputs_get_real_cotangents() {
    // For real x the gradient is ∂L/∂x: the real part of the complex cotangent.
    let mut rng = Rng(7);
    let x = rng.real(&[3, 4]);
    let w = rng.real(&[3, 4]).mapv(|v| v + 2.0);
    let f =
        |x: &ArrayD<f64>| -> f64 { fft2(x).0.iter().zip(&w).map(|(u, w)| w * u.norm_sqr() + (u - 1.0).norm()).sum() };
    let (u, d) = fft2(&x);
    let u_bar =
        ndarray::Zip::from(&u).and(&w).map_collect(|&u, &w| 2.0 * w * u.conj() + (u - 1.0).conj() / (u - 1.0).norm());
    let mut x_bar = Adjoint::zero();
    fft2_vjp(Adjoint::new(u_bar), &mut x_bar, d);
    let x_bar: ArrayD<f64> = x_bar.get().unwrap();
    for (idx, &g) in x_bar.indexed_iter() {
        let (mut xp, mut xm) = (x.clone(), x.clone());
        xp[&idx] += 1e-6;
        xm[&idx] -= 1e-6;
        let fd = (f(&xp) - f(&xm)) / 2e-6;
        assert!((g - fd).abs() < 1e-6 * (1.0 + fd.abs()), "element {idx:?}: {g} vs {fd}");
    }
    // real fftshift: its VJP is the opposite roll, and its JVP the same roll
    let (y, d) = fftshift(&x);
    let mut x_bar = Adjoint::zero();
    fftshift_vjp(Adjoint::new(y.clone()), &mut x_bar, d);
    assert_eq!(x_bar.get(), Some(x.clone()));
    assert_eq!(fftshift_jvp(&x, &x).1, y);
}

#[test]
fn vjps_accumulate_into_the_adjoint() {
    let x = array![C::new(1.0, 2.0), C::new(3.0, -1.0), C::new(0.0, 0.5)];
    let y_bar = array![C::new(0.5, 0.0), C::new(0.0, 1.0), C::new(-1.0, 1.0)];
    let (_, d) = fft(&x);
    let mut x_bar = Adjoint::new(x.clone());
    fft_vjp(Adjoint::new(y_bar.clone()), &mut x_bar, d.clone());
    assert_eq!(x_bar.get().unwrap(), &x + &fft(&y_bar).0);
    // an empty cotangent contributes nothing
    let mut x_bar = Adjoint::zero();
    fft_vjp(Adjoint::zero(), &mut x_bar, d);
    assert!(x_bar.is_zero());
}

#[test]
#[should_panic(expected = "fft2: transforms the last 2 axes, but the array has shape [2]")]
fn fft2_needs_two_axes() {
    let _ = fft2(&array![1.0f64, 2.0]);
}

#[test]
#[should_panic(expected = "fft_axis: axis 2 is out of range for an array of shape [1, 2]")]
fn axis_out_of_range_names_the_rule() {
    let _ = fft_axis(&array![[1.0f64, 2.0]], Axis(2));
}

#[test]
#[should_panic(expected = "transform: axis 0 is repeated in [0, 0]")]
fn repeated_axes_are_rejected() {
    transform(&mut array![[C::new(1.0, 0.0)]], &[Axis(0), Axis(0)], FftDirection::Forward, Par::Seq);
}

#[test]
#[should_panic(expected = "ifft: the cotangent has shape [3] but should have shape [2]")]
fn cotangent_shape_is_checked() {
    let (_, d) = ifft(&array![1.0f64, 2.0]);
    let mut x_bar = Adjoint::zero();
    ifft_vjp(Adjoint::new(Array::zeros(3)), &mut x_bar, d);
}

// ---------------------------------------------------------------------------------------
// kernels

#[test]
fn parallel_kernels_are_bitwise_equal_to_sequential_ones() {
    let mut rng = Rng(8);
    for shape in [&[1000][..], &[64, 48], &[3, 50, 17], &[33, 2, 40], &[5, 7, 11, 3], &[2, 4099]] {
        let x = rng.complex(shape);
        for k in 0..shape.len() {
            for direction in [FftDirection::Forward, FftDirection::Inverse] {
                let (mut a, mut b) = (x.clone(), x.clone());
                transform(&mut a, &[Axis(k)], direction, Par::Seq);
                transform(&mut b, &[Axis(k)], direction, Par::Rayon);
                assert!(a == b, "shape {shape:?}, axis {k}, {direction:?}");
            }
        }
        let all: Vec<Axis> = (0..shape.len()).map(Axis).collect();
        let (mut a, mut b) = (x.clone(), x.clone());
        transform(&mut a, &all, FftDirection::Inverse, Par::Seq);
        transform(&mut b, &all, FftDirection::Inverse, Par::Rayon);
        assert!(a == b, "shape {shape:?}, all axes");
    }
    // the rules above the threshold take the parallel path, and agree with the sequential one
    let x = rng.complex(&[200, 200]);
    assert!(Par::Auto.parallel(x.len()));
    let mut a = x.clone();
    transform(&mut a, &[Axis(0), Axis(1)], FftDirection::Forward, Par::Seq);
    assert!(fft2(&x).0 == a);
}

/// Times sequential and parallel transforms of growing arrays, to choose
/// `FFT_PARALLEL_THRESHOLD`. Meaningful only in an optimised build:
/// `cargo test -p autodiff-runtime --lib --config profile.dev.opt-level=3 measure_threshold -- --ignored --nocapture`.
#[test]
#[ignore]
fn measure_threshold() {
    use std::time::Instant;
    let mut rng = Rng(9);
    let time = |x: &ArrayD<C>, axes: &[Axis], par: Par| {
        let mut best = f64::INFINITY;
        let reps = (1 << 22) / x.len().max(1) + 3;
        for _ in 0..5 {
            let t = Instant::now();
            for _ in 0..reps {
                let mut a = x.clone();
                transform(&mut a, axes, FftDirection::Forward, par);
                std::hint::black_box(&a);
            }
            best = best.min(t.elapsed().as_secs_f64() / reps as f64);
        }
        best
    };
    println!("{:>24} {:>10} {:>12} {:>12} {:>8}", "shape", "axes", "seq (µs)", "rayon (µs)", "speedup");
    for (shape, axes) in [
        (vec![32, 32], vec![0, 1]),
        (vec![64, 64], vec![0, 1]),
        (vec![90, 90], vec![0, 1]),
        (vec![128, 128], vec![0, 1]),
        (vec![181, 181], vec![0, 1]),
        (vec![256, 256], vec![0, 1]),
        (vec![512, 512], vec![0, 1]),
        (vec![16, 512], vec![1]),
        (vec![32, 512], vec![1]),
        (vec![64, 512], vec![1]),
        (vec![128, 64], vec![1]),
        (vec![256, 64], vec![1]),
        (vec![512, 64], vec![1]),
        (vec![64, 128], vec![0]),
        (vec![128, 128], vec![0]),
        (vec![8192], vec![0]),
        (vec![65536], vec![0]),
        (vec![1024, 8], vec![1]),
        (vec![2048, 8], vec![1]),
        (vec![4096, 8], vec![1]),
    ] {
        let x = rng.complex(&shape);
        let axes: Vec<Axis> = axes.into_iter().map(Axis).collect();
        let (s, p) = (time(&x, &axes, Par::Seq), time(&x, &axes, Par::Rayon));
        println!(
            "{:>24} {:>10} {:>12.1} {:>12.1} {:>8.2}",
            format!("{shape:?} ({})", x.len()),
            format!("{:?}", axes.iter().map(|a| a.index()).collect::<Vec<_>>()),
            s * 1e6,
            p * 1e6,
            s / p
        );
    }
}
