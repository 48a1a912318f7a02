//! Misuse at run time, through `#[differentiable]` functions: shapes that do not fit, indices
//! out of range, seeds (`vjp`'s cotangent, `jvp`'s tangents) of the wrong shape, non-finite
//! inputs and arguments outside a function's domain.
//!
//! Each misuse either panics with a message that names the operation (the rule, as the user
//! spelled it: `add`, `dot`, `index`, `slice`, ..., or the generated `f::vjp`/`f::jvp`) and
//! the shapes or indices involved, or gives the IEEE result (`NaN`, `±inf`) in the value and
//! in the derivatives, as README.md's "Errors at run time" documents. Each case runs through
//! the generated value (`value_and_grad`), reverse mode (`vjp`) and forward mode (`jvp`). The
//! function as written is the user's code, unchanged: there a misuse panics as ndarray panics,
//! which these tests check only in that it panics.

use autodiff_runtime::ndarray::{Array1, Array2, Axis, array, concatenate, s, stack};
use autodiff_runtime::optim::{Adam, Momentum, Optimizer, RmsProp, Sgd};
use autodiff_runtime::{
    ArrayExt, ArrayMath, Complex32, Complex64, ComplexMath, FftExt, LinalgExt, Parameters, differentiable,
};
use std::panic::{AssertUnwindSafe, catch_unwind};

// ---------------------------------------------------------------------------------------
// Helpers

/// The message of the panic that `f` raises; fails if `f` returns.
#[track_caller]
fn panic_message<R>(f: impl FnOnce() -> R) -> String {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(_) => panic!("expected a panic, but the call returned"),
        Err(e) => match (e.downcast_ref::<String>(), e.downcast_ref::<&str>()) {
            (Some(s), _) => s.clone(),
            (None, Some(s)) => s.to_string(),
            (None, None) => String::from("<a panic without a message>"),
        },
    }
}

/// Asserts that `f` panics with a message that begins with `op:` (the operation) and contains
/// every one of `parts` (the shapes, indices, arguments involved).
#[track_caller]
fn assert_panics<R>(f: impl FnOnce() -> R, op: &str, parts: &[&str]) {
    let m = panic_message(f);
    assert!(m.starts_with(&format!("{op}: ")), "the panic {m:?} does not name `{op}` first");
    for p in parts {
        assert!(m.contains(p), "the panic {m:?} does not mention {p:?}");
    }
}

/// One misuse of a `#[differentiable]` function `f` returning a real scalar: the function as
/// written panics (with ndarray's message or ours), and the generated value, reverse mode and
/// forward mode panic naming `op` and `parts`. The tangents, after `;`, have the right shapes:
/// the misuse is in the arguments.
macro_rules! misuse {
    ($f:ident($($arg:expr),*; $($t:expr),*) => $op:expr, [$($part:expr),*]) => {{
        let parts: &[&str] = &[$($part),*];
        let _ = panic_message(|| $f($($arg),*));
        assert_panics(|| $f::value_and_grad($($arg),*), $op, parts);
        assert_panics(|| $f::vjp($($arg,)* 1.0), $op, parts);
        assert_panics(|| $f::jvp($($arg,)* $($t),*), $op, parts);
    }};
}

/// `got` equals `want` in the IEEE sense: both NaN, the same infinity, or within 1e-12
/// relatively (a `0.0` and a `-0.0` are equal).
#[track_caller]
fn assert_ieee(got: f64, want: f64, what: &str) {
    let ok = if want.is_nan() {
        got.is_nan()
    } else if want.is_infinite() {
        got == want
    } else {
        (got - want).abs() <= 1e-12 * want.abs().max(1.0)
    };
    assert!(ok, "{what}: got {got:?}, want {want:?}");
}

/// [`assert_ieee`] elementwise.
#[track_caller]
fn assert_ieee_all(got: &Array1<f64>, want: &[f64], what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: lengths");
    for (k, (&g, &w)) in got.iter().zip(want).enumerate() {
        assert_ieee(g, w, &format!("{what}[{k}]"));
    }
}

const NAN: f64 = f64::NAN;
const INF: f64 = f64::INFINITY;

fn v3() -> Array1<f64> {
    array![1.0, 2.0, 3.0]
}
fn v4() -> Array1<f64> {
    array![1.0, 2.0, 3.0, 4.0]
}
fn m23() -> Array2<f64> {
    array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
}

// ---------------------------------------------------------------------------------------
// Shape mismatches

#[differentiable]
fn add_vv(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    (a + b).sum()
}

#[differentiable]
fn sub_vv(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    (a - b).sum()
}

#[differentiable]
fn mul_mv(a: &Array2<f64>, b: &Array1<f64>) -> f64 {
    (a * b).sum()
}

#[differentiable]
fn div_mm(a: &Array2<f64>, b: &Array2<f64>) -> f64 {
    (a / b).sum()
}

#[differentiable]
fn hypot_vv(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    a.hypot(b).sum()
}

#[differentiable]
fn atan2_vv(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    a.atan2(b).sum()
}

#[test]
fn elementwise_binary_ops_on_incompatible_shapes_name_the_op_and_both_shapes() {
    let (a, b, m, m32) = (v3(), v4(), m23(), Array2::<f64>::ones((3, 2)));
    misuse!(add_vv(&a, &b; a.clone(), b.clone()) => "add", ["[3]", "[4]", "cannot broadcast"]);
    misuse!(sub_vv(&a, &b; a.clone(), b.clone()) => "sub", ["[3]", "[4]"]);
    misuse!(mul_mv(&m, &b; m.clone(), b.clone()) => "mul", ["[2, 3]", "[4]"]);
    misuse!(div_mm(&m, &m32; m.clone(), m32.clone()) => "div", ["[2, 3]", "[3, 2]"]);
    misuse!(hypot_vv(&a, &b; a.clone(), b.clone()) => "hypot", ["[3]", "[4]"]);
    misuse!(atan2_vv(&b, &a; b.clone(), a.clone()) => "atan2", ["[4]", "[3]"]);
}

#[differentiable]
fn broadcasts(a: &Array2<f64>, b: &Array1<f64>, c: &Array2<f64>, s: f64) -> f64 {
    (a * b + c - s).sum()
}

#[test]
fn legal_broadcasting_still_works_and_reduces_each_gradient_to_its_input() {
    // [2, 3] * [3] + [2, 1] - scalar: the shapes ndarray's broadcasting accepts.
    let (a, b, c) = (m23(), array![0.5, -1.0, 2.0], array![[10.0], [20.0]]);
    let (y, (ga, gb, gc, gs)) = broadcasts::value_and_grad(&a, &b, &c, 0.25);
    let want = (&a * &b).sum() + 3.0 * c.sum() - 6.0 * 0.25;
    assert_eq!(y, want);
    assert_eq!(ga, array![[0.5, -1.0, 2.0], [0.5, -1.0, 2.0]]);
    assert_eq!(gb, a.sum_axis(Axis(0)));
    assert_eq!(gc, array![[3.0], [3.0]]);
    assert_eq!(gs, -6.0);
    let (y2, t) = broadcasts::jvp(&a, &b, &c, 0.25, Array2::zeros((2, 3)), Array1::ones(3), Array2::zeros((2, 1)), 0.0);
    assert_eq!((y2, t), (want, a.sum()));
}

#[differentiable]
fn dot_vv(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    a.dot(b)
}

#[differentiable]
fn dot_mv(a: &Array2<f64>, b: &Array1<f64>) -> f64 {
    a.dot(b).sum()
}

#[differentiable]
fn dot_vm(a: &Array1<f64>, b: &Array2<f64>) -> f64 {
    a.dot(b).sum()
}

#[differentiable]
fn dot_mm(a: &Array2<f64>, b: &Array2<f64>) -> f64 {
    a.dot(b).sum()
}

#[test]
fn dot_with_a_mismatched_inner_dimension_names_both_shapes() {
    let (a, b, m, m42) = (v3(), v4(), m23(), Array2::<f64>::ones((4, 2)));
    misuse!(dot_vv(&a, &b; a.clone(), b.clone()) => "dot", ["[3] and [4]", "not aligned"]);
    misuse!(dot_mv(&m, &b; m.clone(), b.clone()) => "dot", ["[2, 3] and [4]", "not aligned"]);
    misuse!(dot_vm(&b, &m; b.clone(), m.clone()) => "dot", ["[4] and [2, 3]", "not aligned"]);
    misuse!(dot_mm(&m, &m42; m.clone(), m42.clone()) => "dot", ["[2, 3] and [4, 2]", "not aligned"]);
}

#[differentiable]
fn solve_v(a: &Array2<f64>, b: &Array1<f64>) -> f64 {
    a.solve(b).sum()
}

#[differentiable]
fn solve_m(a: &Array2<f64>, b: &Array2<f64>) -> f64 {
    a.solve(b).sum()
}

#[differentiable]
fn inv(a: &Array2<f64>) -> f64 {
    a.inv().sum()
}

#[differentiable]
fn det(a: &Array2<f64>) -> f64 {
    a.det()
}

#[differentiable]
fn cholesky(a: &Array2<f64>) -> f64 {
    a.cholesky().sum()
}

#[test]
fn solve_and_inv_of_non_square_or_mismatched_matrices_name_the_shapes() {
    let (m, eye, b2) = (m23(), Array2::<f64>::eye(3), array![1.0, 2.0]);
    misuse!(solve_v(&m, &b2; m.clone(), b2.clone()) => "solve", ["[2, 3] and [2]", "square"]);
    misuse!(solve_v(&eye, &b2; eye.clone(), b2.clone()) => "solve", ["[3, 3] and [2]"]);
    misuse!(solve_m(&eye, &m; eye.clone(), m.clone()) => "solve", ["[3, 3] and [2, 3]"]);
    misuse!(inv(&m; m.clone()) => "inv", ["square", "[2, 3]"]);
    misuse!(det(&m; m.clone()) => "det", ["square", "[2, 3]"]);
    misuse!(cholesky(&m; m.clone()) => "cholesky", ["square", "[2, 3]"]);
}

#[differentiable]
fn concatenate_rows(a: &Array2<f64>, b: &Array2<f64>) -> f64 {
    concatenate(Axis(0), &[a.view(), b.view()]).unwrap().sum()
}

#[differentiable]
fn stack_two(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    stack(Axis(0), &[a.view(), b.view()]).unwrap().sum()
}

#[differentiable]
fn stack_three(a: &Array1<f64>, b: &Array1<f64>) -> f64 {
    stack(Axis(1), &[a.view(), a.view(), b.view()]).unwrap().sum()
}

#[differentiable]
fn reshape_to_five(a: &Array2<f64>) -> f64 {
    a.view().into_shape_with_order(5).unwrap().sum()
}

#[differentiable]
fn to_shape_2x2(a: &Array1<f64>) -> f64 {
    a.to_shape((2, 2)).unwrap().sum()
}

#[test]
fn concatenate_stack_and_reshape_mismatches_name_the_shapes() {
    let (a, b, m, m24) = (v3(), v4(), m23(), Array2::<f64>::ones((2, 4)));
    misuse!(concatenate_rows(&m, &m24; m.clone(), m24.clone()) => "concatenate", ["[[2, 3], [2, 4]]", "axis 0"]);
    misuse!(stack_two(&a, &b; a.clone(), b.clone()) => "stack", ["[[3], [4]]"]);
    misuse!(stack_three(&a, &b; a.clone(), b.clone()) => "stack", ["[[3], [3], [4]]"]);
    misuse!(reshape_to_five(&m; m.clone()) => "into_shape_with_order", ["[2, 3]", "[5]"]);
    misuse!(to_shape_2x2(&a; a.clone()) => "to_shape", ["[3]", "[2, 2]"]);
}

#[differentiable]
fn scaled(a: &Array1<f64>) -> Array1<f64> {
    a.mapv(f64::sin) * 2.0 + a
}

#[differentiable]
fn pair(a: &Array1<f64>, s: f64) -> (f64, Array1<f64>) {
    (a.sum() * s, a * s)
}

#[differentiable]
fn first_two(v: &[Array1<f64>]) -> f64 {
    v[0].sum() + v[1].sum()
}

#[derive(Clone, Parameters)]
struct Layer {
    w: Array2<f64>,
    b: Array1<f64>,
}

#[differentiable(wrt(p))]
fn layer(p: &Layer, x: &Array1<f64>) -> f64 {
    (p.w.dot(x) + &p.b).mapv(f64::tanh).sum()
}

#[differentiable]
fn complex_square(u: &Array1<Complex64>) -> Array1<Complex64> {
    u * u
}

#[test]
fn seeds_of_the_wrong_shape_name_the_argument_and_both_shapes() {
    let (a, b) = (v3(), v4());
    // vjp: the output cotangent against the output.
    assert_panics(
        || scaled::vjp(&a, b.clone()),
        "scaled::vjp",
        &["the cotangent `y_bar` has shape [4], but the output `scaled(..)` has shape [3]"],
    );
    assert_panics(
        || pair::vjp(&a, 2.0, (1.0, b.clone())),
        "pair::vjp",
        &["`y_bar.1` has shape [4]", "`pair(..).1` has shape [3]"],
    );
    // jvp: each tangent against its input.
    assert_panics(
        || scaled::jvp(&a, b.clone()),
        "scaled::jvp",
        &["the tangent `a_dot` has shape [4], but the input `a` has shape [3]"],
    );
    assert_panics(
        || add_vv::jvp(&a, &a, a.clone(), b.clone()),
        "add_vv::jvp",
        &["`b_dot` has shape [4]", "`b` has shape [3]"],
    );
    assert_panics(|| dot_vv::jvp(&a, &a, b.clone(), a.clone()), "dot_vv::jvp", &["`a_dot` has shape [4]"]);
    let v = vec![a.clone(), b.clone()];
    assert_panics(
        || first_two::jvp(&v, vec![a.clone()]),
        "first_two::jvp",
        &["`v_dot` has length 1", "`v` has length 2"],
    );
    assert_panics(
        || first_two::jvp(&v, vec![a.clone(), a.clone()]),
        "first_two::jvp",
        &["`v_dot[1]` has shape [3]", "`v[1]` has shape [4]"],
    );
    let p = Layer { w: Array2::ones((2, 3)), b: array![0.1, 0.2] };
    let wrong = Layer { w: Array2::zeros((2, 3)), b: Array1::zeros(3) };
    assert_panics(|| layer::jvp(&p, &a, wrong), "layer::jvp", &["`p_dot.b` has shape [3]", "`p.b` has shape [2]"]);
    let u = array![Complex64::new(1.0, 0.0), Complex64::new(0.0, 1.0)];
    let u3 = Array1::from_elem(3, Complex64::new(1.0, 0.0));
    assert_panics(|| complex_square::vjp(&u, u3.clone()), "complex_square::vjp", &["shape [3]", "shape [2]"]);
    assert_panics(|| complex_square::jvp(&u, u3.clone()), "complex_square::jvp", &["shape [3]", "shape [2]"]);
    // Seeds of the right shapes pass the check.
    assert_eq!(scaled::vjp(&a, Array1::ones(3)).1, a.mapv(|x| 2.0 * x.cos() + 1.0));
    assert_eq!(first_two::jvp(&v, vec![Array1::ones(3), Array1::ones(4)]).1, 7.0);
}

#[test]
#[should_panic(
    expected = "scaled::vjp: the cotangent `y_bar` has shape [2], but the output `scaled(..)` has shape [3]"
)]
fn a_cotangent_of_the_wrong_shape_panics_before_the_reverse_sweep() {
    let _ = scaled::vjp(&v3(), array![1.0, 1.0]);
}

#[differentiable(order = 2)]
fn quadratic(x: &Array1<f64>) -> f64 {
    (x * x * x).sum()
}

#[test]
fn higher_order_directions_of_the_wrong_shape_name_the_argument() {
    let x = v3();
    assert_panics(
        || quadratic::hvp(&x, array![1.0, 0.0]),
        "quadratic::hvp",
        &["the direction `x_dir` has shape [2], but the input `x` has shape [3]"],
    );
    assert_panics(|| quadratic::taylor::<3>(&x, array![1.0, 0.0]), "quadratic::taylor", &["`x_dir` has shape [2]"]);
    assert_eq!(quadratic::hvp(&x, array![1.0, 0.0, 0.0]), array![6.0, 0.0, 0.0]);
}

#[test]
fn optimizer_steps_with_gradients_of_another_shape_name_both_shapes() {
    let (p0, g) = (m23(), Array2::<f64>::ones((3, 2)));
    let parts: &[&str] = &["the gradient has shape [3, 2] but the parameter has shape [2, 3]"];
    let mut p = p0.clone();
    assert_panics(|| Sgd::new(0.1).step(&mut p, &g), "optimizer step", parts);
    assert_eq!(p, p0);
    assert_panics(|| Momentum::new(&p0, 0.1).step(&mut p, &g), "optimizer step", parts);
    assert_panics(|| RmsProp::new(&p0, 0.1).step(&mut p, &g), "optimizer step", parts);
    assert_panics(|| Adam::new(&p0, 0.1).step(&mut p, &g), "optimizer step", parts);
    assert_eq!(p, p0);
    // A Vec of parameters with a Vec of gradients of another length.
    let mut ps = vec![v3(), v4()];
    assert_panics(
        || Sgd::new(0.1).step(&mut ps, &vec![v3()]),
        "optimizer step",
        &["Vec has length 1", "Vec has length 2"],
    );
    // An optimizer made for other parameters.
    let mut a = v3();
    assert_panics(|| Adam::new(&v4(), 0.1).step(&mut a, &v3()), "optimizer step", &["made for 4 parameters", "with 3"]);
    // A derived struct with one field of another shape.
    let mut l = Layer { w: Array2::ones((2, 3)), b: array![0.1, 0.2] };
    let gl = Layer { w: Array2::ones((2, 3)), b: Array1::ones(3) };
    assert_panics(|| Adam::new(&l.clone(), 0.1).step(&mut l, &gl), "optimizer step", &["shape [3]", "shape [2]"]);
}

#[differentiable]
fn complex_mul(a: &Array1<Complex64>, b: &Array1<Complex64>) -> f64 {
    (a * b).norm_sqr().sum()
}

#[differentiable]
fn complex_add(a: &Array1<Complex64>, b: &Array1<Complex64>) -> f64 {
    (a + b).norm_sqr().sum()
}

#[differentiable]
fn complex_times_real(a: &Array1<Complex64>, r: &Array1<f64>) -> f64 {
    (a * r).norm_sqr().sum()
}

#[test]
fn complex_binary_ops_on_different_shapes_name_the_op_and_both_shapes() {
    let c = |re: f64| Complex64::new(re, 0.5);
    let (u2, u3, r3) = (array![c(1.0), c(2.0)], array![c(1.0), c(2.0), c(3.0)], v3());
    misuse!(complex_mul(&u2, &u3; u2.clone(), u3.clone()) => "mul", ["[2] and [3]", "complex rules do not broadcast"]);
    misuse!(complex_add(&u2, &u3; u2.clone(), u3.clone()) => "add", ["[2] and [3]", "complex rules do not broadcast"]);
    misuse!(complex_times_real(&u2, &r3; u2.clone(), r3.clone()) => "mul", ["[2] and [3]"]);
}

#[differentiable]
fn fft_axis_2(u: &Array2<Complex64>) -> f64 {
    u.fft_axis(Axis(2)).norm_sqr().sum()
}

#[differentiable]
fn ifft_axis_1(u: &Array1<Complex64>) -> f64 {
    u.ifft_axis(Axis(1)).norm_sqr().sum()
}

#[differentiable]
fn fft2_of_a_vector(u: &Array1<Complex64>) -> f64 {
    u.fft2().norm_sqr().sum()
}

#[differentiable]
fn ifft2_of_a_vector(u: &Array1<f64>) -> f64 {
    u.ifft2().norm_sqr().sum()
}

#[differentiable]
fn fftshift_axis_1(u: &Array1<Complex64>) -> f64 {
    u.fftshift_axes(&[Axis(1)]).norm_sqr().sum()
}

#[test]
fn ffts_along_a_missing_axis_name_the_transform_and_the_shape() {
    let u22 = Array2::from_elem((2, 2), Complex64::new(1.0, -1.0));
    let u2 = array![Complex64::new(1.0, 0.0), Complex64::new(0.0, 1.0)];
    let r2 = array![1.0, 2.0];
    misuse!(fft_axis_2(&u22; u22.clone()) => "fft_axis", ["axis 2", "shape [2, 2]"]);
    misuse!(ifft_axis_1(&u2; u2.clone()) => "ifft_axis", ["axis 1", "shape [2]"]);
    misuse!(fft2_of_a_vector(&u2; u2.clone()) => "fft2", ["last 2 axes", "shape [2]"]);
    misuse!(ifft2_of_a_vector(&r2; r2.clone()) => "ifft2", ["last 2 axes", "shape [2]"]);
    misuse!(fftshift_axis_1(&u2; u2.clone()) => "fftshift_axes", ["axis 1", "shape [2]"]);
}

// ---------------------------------------------------------------------------------------
// Out-of-range indices

#[differentiable]
fn read(a: &Array1<f64>, i: usize) -> f64 {
    a[i] * 2.0
}

#[differentiable]
fn read_2d(a: &Array2<f64>, i: usize, j: usize) -> f64 {
    a[[i, j]] * a[[0, 0]]
}

#[differentiable]
fn read_vec(v: &[Array1<f64>], k: usize) -> f64 {
    v[k].sum()
}

#[differentiable]
fn write(a: &Array1<f64>, i: usize, v: f64) -> f64 {
    let mut y = a.clone();
    y[i] = v;
    (&y * &y).sum()
}

#[differentiable]
fn add_into(a: &Array1<f64>, i: usize) -> f64 {
    let mut y = a.clone();
    y[i] += 1.0;
    y.sum()
}

#[differentiable]
fn write_2d(a: &Array2<f64>, v: f64) -> f64 {
    let mut y = a.clone();
    y[[0, 3]] = v;
    y.sum()
}

#[differentiable]
fn write_in_loop(a: &Array1<f64>, n: usize) -> f64 {
    let mut y = a.clone();
    for i in 0..n {
        y[i] *= 2.0;
    }
    y.sum()
}

#[test]
fn reads_and_writes_past_the_end_name_the_index_and_the_shape() {
    let (a, m) = (v3(), m23());
    misuse!(read(&a, 3; a.clone()) => "index", ["index 3", "shape [3]"]);
    misuse!(read_2d(&m, 2, 0; m.clone()) => "index", ["index [2, 0]", "shape [2, 3]"]);
    misuse!(read_2d(&m, 0, 3; m.clone()) => "index", ["index [0, 3]", "shape [2, 3]"]);
    let v = vec![a.clone()];
    misuse!(read_vec(&v, 1; vec![a.clone()]) => "index", ["index 1", "length 1"]);
    misuse!(write(&a, 5, 1.0; a.clone(), 0.0) => "index", ["index 5", "shape [3]"]);
    misuse!(add_into(&a, 3; a.clone()) => "index", ["index 3", "shape [3]"]);
    misuse!(write_2d(&m, 1.0; m.clone(), 0.0) => "index", ["index [0, 3]", "shape [2, 3]"]);
    misuse!(write_in_loop(&a, 4; a.clone()) => "index", ["index 3", "shape [3]"]);
    // In range, the same functions work.
    assert_eq!(read::grad(&a, 2), array![0.0, 0.0, 2.0]);
    assert_eq!(write::grad(&a, 1, 5.0), (array![2.0, 0.0, 6.0], 10.0));
}

#[differentiable]
fn slice_past_end(a: &Array1<f64>) -> f64 {
    a.slice(s![1..5]).sum()
}

#[differentiable]
fn slice_start_past_end(a: &Array2<f64>) -> f64 {
    a.slice(s![3.., ..]).sum()
}

#[differentiable]
fn slice_index_past_end(a: &Array2<f64>) -> f64 {
    a.slice(s![.., 3]).sum()
}

#[differentiable]
fn assign_past_end(a: &Array1<f64>, v: &Array1<f64>) -> f64 {
    let mut y = a.clone();
    y.slice_mut(s![2..5]).assign(v);
    y.sum()
}

#[differentiable]
fn assign_wrong_shape(a: &Array1<f64>, v: &Array1<f64>) -> f64 {
    let mut y = a.clone();
    y.slice_mut(s![1..3]).assign(v);
    y.sum()
}

#[differentiable]
fn index_axis_past_end(a: &Array2<f64>) -> f64 {
    a.index_axis(Axis(0), 2).sum()
}

#[differentiable]
fn select_past_end(a: &Array2<f64>) -> f64 {
    a.select(Axis(1), &[0, 4]).sum()
}

#[differentiable]
fn row_past_end(a: &Array2<f64>) -> f64 {
    a.row(5).sum()
}

#[differentiable]
fn column_past_end(a: &Array2<f64>) -> f64 {
    a.column(3).sum()
}

#[differentiable]
fn sum_axis_past_end(a: &Array2<f64>) -> f64 {
    a.sum_axis(Axis(2)).sum()
}

#[differentiable]
fn softmax_axis_past_end(a: &Array2<f64>) -> f64 {
    a.softmax(Axis(2)).sum()
}

#[differentiable]
fn logsumexp_axis_past_end(a: &Array2<f64>) -> f64 {
    a.sum_axis(Axis(0)).logsumexp(Axis(1)).sum()
}

#[test]
fn slices_and_axes_past_the_end_name_the_operation_and_the_shape() {
    let (a, b, m) = (v3(), v4(), m23());
    misuse!(slice_past_end(&a; a.clone()) => "slice", ["`1..5`", "axis 0", "shape [3]"]);
    misuse!(slice_start_past_end(&m; m.clone()) => "slice", ["`3..`", "axis 0", "shape [2, 3]"]);
    misuse!(slice_index_past_end(&m; m.clone()) => "slice", ["index 3", "axis 1", "shape [2, 3]"]);
    misuse!(assign_past_end(&b, &a; b.clone(), a.clone()) => "slice_mut", ["`2..5`", "axis 0", "shape [4]"]);
    misuse!(assign_wrong_shape(&b, &a; b.clone(), a.clone()) => "assign", ["shape [3] to [2]"]);
    misuse!(index_axis_past_end(&m; m.clone()) => "index_axis", ["index 2", "axis 0", "shape [2, 3]"]);
    misuse!(select_past_end(&m; m.clone()) => "select", ["index 4", "axis 1", "shape [2, 3]"]);
    // `row(i)` and `column(j)` are `index_axis` along axis 0 and 1.
    misuse!(row_past_end(&m; m.clone()) => "index_axis", ["index 5", "axis 0", "shape [2, 3]"]);
    misuse!(column_past_end(&m; m.clone()) => "index_axis", ["index 3", "axis 1", "shape [2, 3]"]);
    misuse!(sum_axis_past_end(&m; m.clone()) => "sum_axis", ["axis 2", "shape [2, 3]"]);
    misuse!(softmax_axis_past_end(&m; m.clone()) => "softmax", ["axis 2", "shape [2, 3]"]);
    misuse!(logsumexp_axis_past_end(&m; m.clone()) => "logsumexp", ["axis 1", "shape [3]"]);
    // A legal assignment broadcasts its value, and its gradient sums back.
    let (ga, gv) = assign_wrong_shape::grad(&b, &array![7.0]);
    assert_eq!((ga, gv), (array![1.0, 0.0, 0.0, 1.0], array![2.0]));
}

// ---------------------------------------------------------------------------------------
// Non-finite inputs

/// A scalar function of one input at `x`: the function as written, the value and gradient of
/// `value_and_grad`, `vjp` with `ȳ = 1` and `jvp` with `ẋ = 1` give `value` and `grad`.
macro_rules! ieee {
    ($f:ident($x:expr) = $value:expr, d $grad:expr) => {{
        let x: f64 = $x;
        let what = format!("{}({x:?})", stringify!($f));
        assert_ieee($f(x), $value, &format!("{what} as written"));
        let (v, g) = $f::value_and_grad(x);
        assert_ieee(v, $value, &format!("{what}: value"));
        assert_ieee(g, $grad, &format!("{what}: grad"));
        assert_ieee($f::vjp(x, 1.0).1, $grad, &format!("{what}: vjp"));
        let (v, t) = $f::jvp(x, 1.0);
        assert_ieee(v, $value, &format!("{what}: jvp value"));
        assert_ieee(t, $grad, &format!("{what}: jvp"));
    }};
}

#[differentiable]
fn sin(x: f64) -> f64 {
    x.sin()
}

#[differentiable]
fn exp(x: f64) -> f64 {
    x.exp()
}

#[differentiable]
fn tanh(x: f64) -> f64 {
    x.tanh()
}

#[differentiable]
fn atan(x: f64) -> f64 {
    x.atan()
}

#[differentiable]
fn square(x: f64) -> f64 {
    x * x
}

#[differentiable]
fn cube(x: f64) -> f64 {
    x.powi(3)
}

#[differentiable]
fn power(x: f64) -> f64 {
    x.powf(2.5)
}

#[differentiable]
fn abs(x: f64) -> f64 {
    x.abs() * 2.0
}

#[differentiable]
fn clamp(x: f64) -> f64 {
    x.clamp(-1.0, 1.0) * 2.0
}

#[differentiable]
fn iterated(x: f64) -> f64 {
    let mut y = x;
    for _ in 0..3 {
        y = (y * 0.5).sin() + y;
    }
    y
}

#[differentiable]
fn relu(x: f64) -> f64 {
    if x > 0.0 { x } else { 0.0 }
}

#[differentiable]
fn maximum(x: f64, y: f64) -> f64 {
    x.max(y)
}

#[differentiable]
fn product(x: f64, y: f64) -> f64 {
    x * y
}

#[test]
fn a_nan_input_gives_nan_values_and_nan_derivatives_through_nonlinear_rules() {
    ieee!(sin(NAN) = NAN, d NAN);
    ieee!(exp(NAN) = NAN, d NAN);
    ieee!(tanh(NAN) = NAN, d NAN);
    ieee!(atan(NAN) = NAN, d NAN);
    ieee!(square(NAN) = NAN, d NAN);
    ieee!(cube(NAN) = NAN, d NAN);
    ieee!(power(NAN) = NAN, d NAN);
    ieee!(ln(NAN) = NAN, d NAN);
    ieee!(sqrt(NAN) = NAN, d NAN);
    // Piecewise rules cannot tell which piece a NaN is on: the derivative is NaN.
    ieee!(abs(NAN) = NAN, d NAN);
    ieee!(clamp(NAN) = NAN, d NAN);
    // Through a loop (the tape).
    ieee!(iterated(NAN) = NAN, d NAN);
    // A NaN cotangent propagates too.
    assert!(square::vjp(2.0, NAN).1.is_nan());
}

#[test]
fn where_the_value_ignores_a_nan_so_does_the_derivative() {
    // `f64::max` ignores a NaN operand, and so does the rule's derivative.
    assert_eq!(maximum(NAN, 1.0), 1.0);
    assert_eq!(maximum::value_and_grad(NAN, 1.0), (1.0, (0.0, 1.0)));
    assert_eq!(maximum::value_and_grad(1.0, NAN), (1.0, (1.0, 0.0)));
    // A comparison with NaN is false, so `if` takes the branch the function as written takes.
    assert_eq!(relu(NAN), 0.0);
    assert_eq!(relu::value_and_grad(NAN), (0.0, 0.0));
    // A partial derivative that does not depend on the NaN input stays exact:
    // ∂(x·y)/∂x = y and ∂(x·y)/∂y = x.
    let (v, (gx, gy)) = product::value_and_grad(NAN, 3.0);
    assert!(v.is_nan() && gy.is_nan());
    assert_eq!(gx, 3.0);
}

#[test]
fn infinite_inputs_give_the_ieee_limits() {
    ieee!(exp(INF) = INF, d INF);
    ieee!(exp(-INF) = 0.0, d 0.0);
    ieee!(tanh(INF) = 1.0, d 0.0);
    ieee!(tanh(-INF) = -1.0, d 0.0);
    ieee!(atan(INF) = std::f64::consts::FRAC_PI_2, d 0.0);
    ieee!(square(INF) = INF, d INF);
    ieee!(square(-INF) = INF, d - INF);
    ieee!(sin(INF) = NAN, d NAN);
    ieee!(sqrt(INF) = INF, d 0.0);
    ieee!(ln(INF) = INF, d 0.0);
    ieee!(recip(INF) = 0.0, d 0.0);
    // exp overflows to inf, and so does its derivative.
    ieee!(exp(1000.0) = INF, d INF);
}

#[differentiable]
fn total(x: &Array1<f64>) -> f64 {
    x.sum()
}

#[differentiable]
fn sum_of_squares(x: &Array1<f64>) -> f64 {
    (x * x).sum()
}

#[differentiable]
fn largest(x: &Array1<f64>) -> f64 {
    x.amax()
}

#[differentiable]
fn smallest(x: &Array1<f64>) -> f64 {
    x.amin()
}

#[differentiable]
fn norm(x: &Array1<f64>) -> f64 {
    x.norm_l2()
}

#[differentiable]
fn logsumexp(x: &Array1<f64>) -> f64 {
    x.logsumexp(Axis(0)).sum()
}

#[differentiable]
fn softmax_first(x: &Array1<f64>) -> f64 {
    let p = x.softmax(Axis(0));
    p[0]
}

/// An array function `f` at `x`: the value and the gradient of `value_and_grad`, and `jvp`
/// along `ẋ = (1, ..., 1)` (the sum of the gradient, IEEE arithmetic).
macro_rules! ieee_array {
    ($f:ident($x:expr) = $value:expr, d $grad:expr) => {{
        let x: Array1<f64> = $x;
        let what = format!("{}({x})", stringify!($f));
        assert_ieee($f(&x), $value, &format!("{what} as written"));
        let (v, g) = $f::value_and_grad(&x);
        assert_ieee(v, $value, &format!("{what}: value"));
        assert_ieee_all(&g, &$grad, &format!("{what}: grad"));
        let (v, t) = $f::jvp(&x, Array1::ones(x.len()));
        assert_ieee(v, $value, &format!("{what}: jvp value"));
        assert_ieee(t, $grad.iter().sum(), &format!("{what}: jvp"));
    }};
}

#[test]
fn non_finite_elements_in_array_rules() {
    // Linear rules: the derivative is the constant coefficient, exact even beside a NaN.
    ieee_array!(total(array![NAN, 1.0]) = NAN, d [1.0, 1.0]);
    ieee_array!(total(array![INF, -INF]) = NAN, d [1.0, 1.0]);
    // Each element's own derivative: NaN where the element is NaN, exact elsewhere.
    ieee_array!(sum_of_squares(array![NAN, 1.0]) = NAN, d [NAN, 2.0]);
    ieee_array!(sum_of_squares(array![INF, 1.0]) = INF, d [INF, 2.0]);
    // The extremum of an array holding a NaN is NaN, and so is its derivative there.
    ieee_array!(largest(array![1.0, NAN, 2.0]) = NAN, d [0.0, NAN, 0.0]);
    ieee_array!(smallest(array![1.0, NAN, 2.0]) = NAN, d [0.0, NAN, 0.0]);
    ieee_array!(largest(array![1.0, INF, 2.0]) = INF, d [0.0, 1.0, 0.0]);
    // ‖x‖ at 0 has no derivative: x/‖x‖ = 0/0.
    ieee_array!(norm(array![0.0, 0.0]) = 0.0, d [NAN, NAN]);
    ieee_array!(norm(array![1.0, INF]) = INF, d [0.0, NAN]);
    // logsumexp and softmax: a NaN spoils every element; +inf gives inf/inf there.
    ieee_array!(logsumexp(array![NAN, 0.0]) = NAN, d [NAN, NAN]);
    ieee_array!(logsumexp(array![INF, 0.0]) = INF, d [NAN, 0.0]);
    ieee_array!(logsumexp(array![-INF, -INF]) = -INF, d [NAN, NAN]);
    ieee_array!(softmax_first(array![NAN, 0.0]) = NAN, d [NAN, NAN]);
}

#[test]
fn nan_inputs_to_products_and_solves_spoil_only_what_depends_on_them() {
    let (a, b) = (array![NAN, 1.0], array![2.0, 3.0]);
    let (v, (ga, gb)) = dot_vv::value_and_grad(&a, &b);
    assert!(v.is_nan());
    assert_eq!(ga, b); // ∂(a·b)/∂a = b, whatever a is
    assert_ieee_all(&gb, &[NAN, 1.0], "∂(a·b)/∂b");
    // A NaN in a column of the matrix spoils that column's gradient of the vector.
    let m = array![[1.0, NAN], [2.0, 3.0]];
    let (v, (gm, gx)) = dot_mv::value_and_grad(&m, &array![1.0, 1.0]);
    assert!(v.is_nan());
    assert_eq!(gm, array![[1.0, 1.0], [1.0, 1.0]]);
    assert_ieee_all(&gx, &[3.0, NAN], "∂(m·x)/∂x");
    // x = A⁻¹b: a NaN in b spoils x and ∂/∂A, but ∂(Σx)/∂b = A⁻ᵀ1 does not depend on b.
    let eye = array![[2.0, 0.0], [0.0, 4.0]];
    let (v, (ga, gb)) = solve_v::value_and_grad(&eye, &array![NAN, 1.0]);
    assert!(v.is_nan());
    assert!(ga.iter().any(|g| g.is_nan()));
    assert_eq!(gb, array![0.5, 0.25]);
}

// ---------------------------------------------------------------------------------------
// Domain errors

#[differentiable]
fn ln(x: f64) -> f64 {
    x.ln()
}

#[differentiable]
fn log2(x: f64) -> f64 {
    x.log2()
}

#[differentiable]
fn log10(x: f64) -> f64 {
    x.log10()
}

#[differentiable]
fn ln_1p(x: f64) -> f64 {
    x.ln_1p()
}

#[differentiable]
fn sqrt(x: f64) -> f64 {
    x.sqrt()
}

#[differentiable]
fn cbrt(x: f64) -> f64 {
    x.cbrt()
}

#[differentiable]
fn recip(x: f64) -> f64 {
    x.recip()
}

#[differentiable]
fn asin(x: f64) -> f64 {
    x.asin()
}

#[differentiable]
fn acos(x: f64) -> f64 {
    x.acos()
}

#[differentiable]
fn acosh(x: f64) -> f64 {
    x.acosh()
}

#[differentiable]
fn atanh(x: f64) -> f64 {
    x.atanh()
}

#[differentiable]
fn root_of_square(x: f64) -> f64 {
    (x * x).sqrt()
}

#[test]
fn domain_errors_of_one_argument_give_nan_or_inf_in_value_and_derivative() {
    // Outside the domain: NaN value, NaN derivative (never the formula's finite number,
    // such as 1/x = -1 for ln(-1)).
    ieee!(ln(-1.0) = NAN, d NAN);
    ieee!(log2(-1.0) = NAN, d NAN);
    ieee!(log10(-1.0) = NAN, d NAN);
    ieee!(ln_1p(-2.0) = NAN, d NAN);
    ieee!(sqrt(-1.0) = NAN, d NAN);
    ieee!(asin(2.0) = NAN, d NAN);
    ieee!(acos(-2.0) = NAN, d NAN);
    ieee!(acosh(0.5) = NAN, d NAN);
    ieee!(acosh(-2.0) = NAN, d NAN);
    ieee!(atanh(2.0) = NAN, d NAN);
    ieee!(atanh(-2.0) = NAN, d NAN);
    // On the boundary: the value's limit, an infinite derivative.
    ieee!(ln(0.0) = -INF, d INF);
    ieee!(log2(0.0) = -INF, d INF);
    ieee!(ln_1p(-1.0) = -INF, d INF);
    ieee!(sqrt(0.0) = 0.0, d INF);
    ieee!(cbrt(0.0) = 0.0, d INF);
    ieee!(recip(0.0) = INF, d - INF);
    ieee!(asin(1.0) = std::f64::consts::FRAC_PI_2, d INF);
    ieee!(acos(1.0) = 0.0, d - INF);
    ieee!(acosh(1.0) = 0.0, d INF);
    ieee!(atanh(1.0) = INF, d INF);
    // The chain rule multiplies sqrt'(0) = inf by 2x = 0: NaN, not the 0 (or ±1) a
    // subgradient would give.
    ieee!(root_of_square(0.0) = 0.0, d NAN);
    // Inside the domain nothing changes.
    ieee!(ln(2.0) = 2f64.ln(), d 0.5);
    ieee!(sqrt(4.0) = 2.0, d 0.25);
    ieee!(atanh(0.5) = 0.5f64.atanh(), d 1.0 / 0.75);
}

#[differentiable]
fn powf(x: f64, p: f64) -> f64 {
    x.powf(p)
}

#[differentiable]
fn log(x: f64, base: f64) -> f64 {
    x.log(base)
}

#[differentiable]
fn div(x: f64, y: f64) -> f64 {
    x / y
}

/// A scalar function of two inputs at `(x, y)`: the value, the gradient, and `jvp` along
/// `(1, 0)` and `(0, 1)` (each `∂f/∂x·ẋ + ∂f/∂y·ẏ` in IEEE arithmetic, so an infinite
/// partial times a zero tangent gives NaN).
macro_rules! ieee2 {
    ($f:ident($x:expr, $y:expr) = $value:expr, d ($gx:expr, $gy:expr), jvp ($tx:expr, $ty:expr)) => {{
        let (x, y): (f64, f64) = ($x, $y);
        let what = format!("{}({x:?}, {y:?})", stringify!($f));
        assert_ieee($f(x, y), $value, &format!("{what} as written"));
        let (v, (gx, gy)) = $f::value_and_grad(x, y);
        assert_ieee(v, $value, &format!("{what}: value"));
        assert_ieee(gx, $gx, &format!("{what}: ∂/∂x"));
        assert_ieee(gy, $gy, &format!("{what}: ∂/∂y"));
        assert_ieee($f::jvp(x, y, 1.0, 0.0).1, $tx, &format!("{what}: jvp along x"));
        assert_ieee($f::jvp(x, y, 0.0, 1.0).1, $ty, &format!("{what}: jvp along y"));
    }};
}

#[test]
fn domain_errors_of_two_arguments_and_division_by_zero() {
    // A negative base: NaN unless the exponent is an integer; ∂/∂p = y·ln x is NaN anyway.
    ieee2!(powf(-2.0, 0.5) = NAN, d(NAN, NAN), jvp(NAN, NAN));
    ieee2!(powf(-2.0, 2.0) = 4.0, d(-4.0, NAN), jvp(NAN, NAN));
    // Base 0: ∂/∂x = p·0^(p−1), infinite for p < 1; ∂/∂p taken as 0 (0^p is 0 for p > 0).
    ieee2!(powf(0.0, 0.5) = 0.0, d(INF, 0.0), jvp(INF, NAN));
    ieee2!(powf(0.0, 2.0) = 0.0, d(0.0, 0.0), jvp(0.0, 0.0));
    ieee2!(log(-1.0, 2.0) = NAN, d(NAN, NAN), jvp(NAN, NAN));
    ieee2!(log(2.0, -2.0) = NAN, d(NAN, NAN), jvp(NAN, NAN));
    // Division by zero: ∂/∂x = 1/y and ∂/∂y = −x/y².
    ieee2!(div(1.0, 0.0) = INF, d(INF, -INF), jvp(NAN, NAN));
    ieee2!(div(-1.0, 0.0) = -INF, d(INF, INF), jvp(NAN, NAN));
    ieee2!(div(0.0, 0.0) = NAN, d(INF, NAN), jvp(NAN, NAN));
}

#[differentiable]
fn logs(x: &Array1<f64>) -> Array1<f64> {
    x.mapv(f64::ln)
}

#[differentiable]
fn logs_in_closure(x: &Array1<f64>) -> Array1<f64> {
    x.mapv(|v| v.ln() * 2.0)
}

#[differentiable]
fn roots(x: &Array1<f64>) -> Array1<f64> {
    x.sqrt()
}

#[test]
fn domain_errors_in_array_rules_are_elementwise() {
    let x = array![-1.0, 0.0, 1.0, 4.0];
    let ones = Array1::ones(4);
    for (name, f, y_want, d_want) in [
        (
            "mapv(f64::ln)",
            logs::vjp as fn(&Array1<f64>, Array1<f64>) -> (Array1<f64>, Array1<f64>),
            [NAN, -INF, 0.0, 4f64.ln()],
            [NAN, INF, 1.0, 0.25],
        ),
        ("mapv(|v| v.ln() * 2.0)", logs_in_closure::vjp, [NAN, -INF, 0.0, 2.0 * 4f64.ln()], [NAN, INF, 2.0, 0.5]),
        ("sqrt()", roots::vjp, [NAN, 0.0, 1.0, 2.0], [NAN, INF, 0.5, 0.25]),
    ] {
        let (y, g) = f(&x, ones.clone());
        assert_ieee_all(&y, &y_want, name);
        assert_ieee_all(&g, &d_want, &format!("{name}: vjp"));
    }
    let (y, t) = logs::jvp(&x, ones.clone());
    assert_ieee_all(&y, &[NAN, -INF, 0.0, 4f64.ln()], "ln jvp value");
    assert_ieee_all(&t, &[NAN, INF, 1.0, 0.25], "ln jvp");
    let (_, t) = roots::jvp(&x, ones);
    assert_ieee_all(&t, &[NAN, INF, 0.5, 0.25], "sqrt jvp");
}

#[differentiable(order = 2)]
fn ln_twice(x: f64) -> f64 {
    x.ln()
}

#[differentiable(order = 2)]
fn acosh_twice(x: f64) -> f64 {
    x.acosh()
}

#[test]
fn domain_errors_in_higher_derivatives() {
    for (name, d) in [("ln", ln_twice::derivatives::<4>(-1.0)), ("acosh", acosh_twice::derivatives::<4>(-2.0))] {
        assert!(d.iter().all(|v| v.is_nan()), "{name}: {d:?}");
    }
    assert!(ln_twice::grad::grad(-1.0).is_nan());
    assert!(ln_twice::hvp(-1.0, 1.0).is_nan());
    assert!(ln_twice::hessian(-1.0)[[0, 0]].is_nan());
    // At the boundary: ln(0) = -inf, ln′(0) = inf, ln″(0) = -1/0² = -inf.
    let d = ln_twice::derivatives::<3>(0.0);
    assert_eq!(d, [-INF, INF, -INF]);
}

#[differentiable]
fn ln_f32(x: f32) -> f32 {
    x.ln()
}

#[differentiable]
fn sqrt_f32(x: f32) -> f32 {
    x.sqrt()
}

#[differentiable]
fn complex_sqrt(z: Complex64) -> f64 {
    z.sqrt().re
}

#[differentiable]
fn complex_ln(z: Complex64) -> f64 {
    z.ln().re
}

#[differentiable]
fn complex_ln_f32(z: Complex32) -> f32 {
    z.ln().re
}

#[test]
fn domain_errors_in_single_precision_and_at_the_complex_origin() {
    assert!(ln_f32(-1.0).is_nan() && ln_f32::grad(-1.0).is_nan() && ln_f32::jvp(-1.0, 1.0).1.is_nan());
    assert_eq!(ln_f32::value_and_grad(0.0), (f32::NEG_INFINITY, f32::INFINITY));
    assert_eq!(sqrt_f32::value_and_grad(0.0), (0.0, f32::INFINITY));
    // Complex sqrt and ln have no derivative at 0: both parts of the gradient are NaN.
    let zero = Complex64::new(0.0, 0.0);
    let (v, g) = complex_sqrt::value_and_grad(zero);
    assert_eq!(v, 0.0);
    assert!(g.re.is_nan() && g.im.is_nan(), "{g}");
    let (v, g) = complex_ln::value_and_grad(zero);
    assert_eq!(v, -INF);
    assert!(g.re.is_nan() && g.im.is_nan(), "{g}");
    assert!(complex_ln::jvp(zero, Complex64::new(1.0, 0.0)).1.is_nan());
    let g32 = complex_ln_f32::grad(Complex32::new(0.0, 0.0));
    assert!(g32.re.is_nan() && g32.im.is_nan(), "{g32}");
    // Off the origin, ln is holomorphic (and defined at -1): the gradient of L = Re ln z in
    // the convention ∂L/∂x − i∂L/∂y is ln′(z) = 1/z.
    let z = Complex64::new(-1.0, 0.0);
    let g = complex_ln::grad(z);
    assert!((g - Complex64::new(-1.0, 0.0)).norm() < 1e-15, "{g}");
}
