//! Array code through the macro: every rule checked against central finite differences and
//! forward mode, with broadcasting, views and references.

use autodiff_runtime::ndarray::{Array0, Array1, Array2, ArrayView1, ArrayView2, Axis, array, concatenate, s, stack};
use autodiff_runtime::{ArrayExt, ArrayMath, Outer, differentiable};

mod common;
use common::{close, fd};

fn m(r: usize, c: usize, seed: f64) -> Array2<f64> {
    Array2::from_shape_fn((r, c), |(i, j)| ((i * c + j) as f64 * 0.37 + seed).sin())
}

#[differentiable]
fn elementwise(x: &Array2<f64>) -> f64 {
    let y = x.mapv(f64::tanh) * x.mapv(f64::exp) + x.mapv(f64::sin) / (x * x + 1.0) - x.mapv(f64::cos);
    (&y * &y - x.mapv(f64::sqrt).mapv(f64::ln_1p)).sum()
}

#[test]
fn elementwise_rules_match_finite_differences_and_forward_mode() {
    let x = m(3, 4, 0.3).mapv(|v| v.abs() + 0.1);
    let g = elementwise::grad(&x);
    close(&g, &fd(elementwise, &x), 1e-7);
    let t = m(3, 4, 1.1);
    let (_, d) = elementwise::jvp(&x, t.clone());
    assert!((d - (&g * &t).sum()).abs() < 1e-10);
}

#[differentiable]
fn broadcast(a: &Array2<f64>, b: &Array1<f64>, c: f64) -> f64 {
    let y = a * b + c - b / 2.0;
    let z = (c * &y - a).mean().unwrap() + (b * c).sum();
    z + (&y * &y).sum_axis(Axis(0)).sum() + (2.0 - a).mean_axis(Axis(1)).unwrap().sum()
}

#[test]
fn broadcasting_reduces_each_cotangent_to_its_input() {
    let (a, b, c) = (m(3, 4, 0.2), array![0.5, -1.0, 2.0, 0.25], 0.7);
    let (ga, gb, gc) = broadcast::grad(&a, &b, c);
    close(&ga, &fd(|a| broadcast(a, &b, c), &a), 1e-7);
    close(&gb, &fd(|b| broadcast(&a, b, c), &b), 1e-7);
    let fc = (broadcast(&a, &b, c + 1e-6) - broadcast(&a, &b, c - 1e-6)) / 2e-6;
    assert!((gc - fc).abs() < 1e-6 * (1.0 + fc.abs()));
    let (_, d) = broadcast::jvp(&a, &b, c, Array2::ones((3, 4)), Array1::zeros(4), 0.0);
    assert!((d - ga.sum()).abs() < 1e-9);
}

#[differentiable]
fn products(w: &Array2<f64>, x: &Array2<f64>, v: &Array1<f64>) -> f64 {
    let h = x.dot(w).mapv(f64::tanh);
    let u = h.dot(v);
    let s = v.dot(&w.t());
    u.dot(&u) + s.sum() + v.dot(v)
}

#[test]
fn matrix_products() {
    let (w, x, v) = (m(4, 3, 0.1), m(5, 4, 0.9), array![0.3, -0.2, 0.8]);
    let (gw, gx, gv) = products::grad(&w, &x, &v);
    close(&gw, &fd(|w| products(w, &x, &v), &w), 1e-7);
    close(&gx, &fd(|x| products(&w, x, &v), &x), 1e-7);
    close(&gv, &fd(|v| products(&w, &x, v), &v), 1e-7);
}

#[differentiable(wrt(logits))]
fn cross_entropy(logits: &Array2<f64>, onehot: &Array2<f64>) -> f64 {
    (logits.logsumexp(Axis(1)).sum() - (logits * onehot).sum()) + logits.softmax(Axis(0)).powi(2).sum()
}

#[test]
fn logsumexp_and_softmax() {
    let (z, y) = (m(4, 3, 0.4) * 3.0, array![[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [1.0, 0.0, 0.0]]);
    let g = cross_entropy::grad(&z, &y);
    close(&g, &fd(|z| cross_entropy(z, &y), &z), 1e-7);
}

#[test]
#[should_panic(expected = "mul: cannot broadcast shapes [3, 4] and [3]")]
fn shape_mismatch_names_the_operation() {
    broadcast::grad(&m(3, 4, 0.0), &array![1.0, 2.0, 3.0], 1.0);
}

#[differentiable]
fn layer(w: &Array2<f64>, x: &Array2<f64>) -> Array2<f64> {
    x.dot(w).mapv(f64::tanh)
}

#[differentiable]
fn two_layers(w1: &Array2<f64>, w2: Array2<f64>, x: &Array2<f64>) -> f64 {
    let h = layer(w1, x);
    let out = layer(&w2, &h);
    (&out * &out).sum()
}

#[test]
fn calls_pass_arrays_by_reference_and_by_value() {
    let (w1, w2, x) = (m(4, 3, 0.5), m(3, 2, 1.5), m(5, 4, 2.5));
    let (g1, g2, gx) = two_layers::grad(&w1, w2.clone(), &x);
    close(&g1, &fd(|w| two_layers(w, w2.clone(), &x), &w1), 1e-7);
    close(&g2, &fd(|w| two_layers(&w1, w.clone(), &x), &w2), 1e-7);
    close(&gx, &fd(|x| two_layers(&w1, w2.clone(), x), &x), 1e-7);
    let t = m(4, 3, 0.25);
    let (_, d) = two_layers::jvp(&w1, w2.clone(), &x, t.clone(), Array2::zeros((3, 2)), Array2::zeros((5, 4)));
    assert!((d - (&g1 * &t).sum()).abs() < 1e-10);
}

#[differentiable]
fn view_input(x: ArrayView1<f64>, w: ArrayView2<'_, f64>) -> f64 {
    (x.mapv(f64::exp) - 1.0).sum() + w.t().dot(&x).sum()
}

#[test]
fn views_are_inputs_with_owned_gradients() {
    let x = array![0.1, 0.2, 0.3];
    let w = m(4, 3, 0.7);
    // A non-contiguous view: every other row of `w`.
    let rows = w.slice(s![..;2, ..]);
    let (gx, gw) = view_input::grad(x.view(), rows.t());
    close(&gx, &fd(|x| view_input(x.view(), rows.t()), &x), 1e-8);
    let gw_fd = fd(|w| view_input(x.view(), w.view()), &rows.t().to_owned());
    close(&gw, &gw_fd, 1e-8);
}

#[differentiable(wrt(x))]
fn masked(x: &Array2<f64>, scale: f64) -> f64 {
    let relu = x.mapv(|v| if v < 0.0 { 0.0 } else { v });
    let soft = x.mapv(|v: f64| {
        let e = (-v.abs()).exp();
        scale * (v.max(0.0) + e.ln_1p())
    });
    (relu * soft).sum()
}

#[test]
fn mapv_closures_are_differentiated_elementwise() {
    let x = m(3, 4, 0.6) * 2.0;
    let g = masked::grad(&x, 1.5);
    close(&g, &fd(|x| masked(x, 1.5), &x), 1e-7);
    let t = m(3, 4, 0.2);
    let (_, d) = masked::jvp(&x, 1.5, t.clone());
    assert!((d - (&g * &t).sum()).abs() < 1e-10);
}

#[differentiable]
fn shapes(a: &Array2<f64>, v: &Array1<f64>) -> f64 {
    let corner = a[[0, 1]] * v[2];
    let top = a.slice(s![..2, 1..]);
    let r = a.row(1);
    let c = a.column(0);
    let picked = a.select(Axis(1), &[0, 2, 2]);
    let flat = a.to_shape(12).unwrap();
    let lifted = v.view().insert_axis(Axis(0));
    let swapped = a.view().permuted_axes([1, 0]);
    corner
        + (&top * &top).sum()
        + r.dot(&c.slice(s![..3]))
        + picked.mapv(f64::sin).sum()
        + (&flat * &flat).mean().unwrap()
        + (&lifted * &r.slice(s![..3])).sum()
        + swapped.index_axis(Axis(0), 1).mapv(f64::exp).sum()
        + a.view().into_shape_with_order((2, 6)).unwrap().sum_axis(Axis(1)).dot(&v.slice(s![..2]))
}

#[test]
fn shape_and_indexing_rules() {
    let (a, v) = (m(4, 3, 0.35), array![0.5, -1.0, 2.0]);
    let (ga, gv) = shapes::grad(&a, &v);
    close(&ga, &fd(|a| shapes(a, &v), &a), 1e-7);
    close(&gv, &fd(|v| shapes(&a, v), &v), 1e-7);
    let t = m(4, 3, 0.9);
    let (_, d) = shapes::jvp(&a, &v, t.clone(), Array1::zeros(3));
    assert!((d - (&ga * &t).sum()).abs() < 1e-10);
}

#[differentiable]
fn edges(a: &Array2<f64>, col: &Array2<f64>, row: &Array1<f64>, s: &Array0<f64>) -> f64 {
    // (3, 1) against (1,)-like rows, (3, 4) against (3, 1), and a 0-d array.
    let outer = col * row;
    let spread = a - col;
    let z = s * a;
    (&outer * &outer).sum() + spread.mapv(f64::exp).mean().unwrap() + z.sum()
}

#[test]
fn broadcasting_edge_cases() {
    let a = m(3, 4, 0.2);
    let (col, row, s) = (m(3, 1, 0.5), array![0.3, -0.4, 0.8, 1.1], Array0::from_elem((), 0.75));
    let (ga, gc, gr, gs) = edges::grad(&a, &col, &row, &s);
    close(&ga, &fd(|a| edges(a, &col, &row, &s), &a), 1e-7);
    close(&gc, &fd(|c| edges(&a, c, &row, &s), &col), 1e-7);
    close(&gr, &fd(|r| edges(&a, &col, r, &s), &row), 1e-7);
    close(&gs, &fd(|s| edges(&a, &col, &row, s), &s), 1e-7);
}

#[differentiable]
fn single(x: &Array2<f32>, w: &Array1<f32>) -> f32 {
    let h = x.dot(w).mapv(f32::tanh);
    (&h * &h).sum() + x.mapv(|v| v.max(0.0)).mean().unwrap()
}

#[test]
fn f32_arrays() {
    let x = Array2::from_shape_fn((3, 4), |(i, j)| ((i * 4 + j) as f32 * 0.37).sin());
    let w = Array1::from_shape_fn(4, |i| (i as f32 * 0.9).cos());
    let (gx, gw) = single::grad(&x, &w);
    let h = 1e-2f32;
    for (i, g) in gw.iter().enumerate() {
        let (mut wp, mut wm) = (w.clone(), w.clone());
        wp[i] += h;
        wm[i] -= h;
        let fd = (single(&x, &wp) - single(&x, &wm)) / (2.0 * h);
        assert!((g - fd).abs() < 2e-3 * (1.0 + fd.abs()), "{g} vs {fd}");
    }
    let t = Array2::from_elem((3, 4), 1.0f32);
    let (_, d) = single::jvp(&x, &w, t, Array1::zeros(4));
    assert!((d - gx.sum()).abs() < 1e-5 * (1.0 + d.abs()));
}

/// Every array rule gives bitwise the same gradient whatever the number of threads.
#[test]
fn gradients_do_not_depend_on_the_thread_count() {
    let (w, x, v) = (m(300, 200, 0.1), m(64, 300, 0.9), Array1::from_shape_fn(200, |i| (i as f64).cos()));
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        pool.install(|| products::grad(&w, &x, &v))
    };
    let (one, two, four) = (run(1), run(2), run(4));
    assert_eq!(one, two);
    assert_eq!(one, four);
    // A sum large enough to run in parallel chunks.
    let big = Array1::from_shape_fn(1 << 20, |i| (i as f64 * 1e-3).sin());
    let sums = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        pool.install(|| big_sum::value_and_grad(&big))
    };
    let (a, b) = (sums(1), sums(3));
    assert_eq!(a.0.to_bits(), b.0.to_bits());
    assert_eq!(a.1, b.1);
}

#[differentiable]
fn big_sum(x: &Array1<f64>) -> f64 {
    x.mapv(f64::tanh).sum() * x.mean().unwrap()
}

#[differentiable]
fn layers(ws: &[Array2<f64>], x: &Array1<f64>) -> f64 {
    let h = ws[0].dot(x).mapv(f64::tanh);
    let out = ws[1].dot(&h);
    out[0] * out[1] + ws[0][[1, 2]] * x[2]
}

#[test]
fn vec_parameters_and_element_reads() {
    let ws = vec![m(3, 4, 0.3), m(2, 3, 0.8)];
    let x = array![0.4, -0.2, 0.9, 0.1];
    let (gws, gx) = layers::grad(&ws, &x);
    assert_eq!(gws.len(), 2);
    for k in 0..2 {
        let fdk = fd(
            |w| {
                let mut v = ws.clone();
                v[k] = w.clone();
                layers(&v, &x)
            },
            &ws[k],
        );
        close(&gws[k], &fdk, 1e-7);
    }
    close(&gx, &fd(|x| layers(&ws, x), &x), 1e-7);
    let t = vec![m(3, 4, 0.1), m(2, 3, 0.2)];
    let (_, d) = layers::jvp(&ws, &x, t.clone(), Array1::zeros(4));
    assert!((d - (&gws[0] * &t[0]).sum() - (&gws[1] * &t[1]).sum()).abs() < 1e-10);
}

#[differentiable]
fn methods(x: &Array2<f64>, u: &Array1<f64>, v: &Array1<f64>) -> f64 {
    let e = x.tanh() * x.exp() - x.sin().abs() + x.cos().powi(2);
    let o = u.outer(v);
    e.sum() + e.amax() - x.amin() + u.norm_l2() + (&o * &o).sum() + x.view().reversed_axes().dot(u).sum()
}

#[test]
fn array_methods_from_array_math() {
    let (x, u, v) = (m(3, 4, 0.45), array![0.3, -1.2, 0.8], array![1.0, 0.5, -0.25, 2.0]);
    let (gx, gu, gv) = methods::grad(&x, &u, &v);
    close(&gx, &fd(|x| methods(x, &u, &v), &x), 1e-7);
    close(&gu, &fd(|u| methods(&x, u, &v), &u), 1e-7);
    close(&gv, &fd(|v| methods(&x, &u, v), &v), 1e-7);
    let (_, d) = methods::jvp(&x, &u, &v, Array2::zeros((3, 4)), u.clone(), Array1::zeros(4));
    assert!((d - gu.dot(&u)).abs() < 1e-9);
}

#[differentiable]
fn joined(a: &Array2<f64>, b: &Array2<f64>, v: &Array1<f64>) -> f64 {
    let rows = concatenate(Axis(0), &[a.view(), b.view()]).unwrap();
    let cols = concatenate(Axis(1), &[a.view(), b.view(), a.view()]).unwrap();
    let pair = stack(Axis(0), &[v.view(), v.mapv(f64::sin).view()]).unwrap();
    let three = stack(Axis(1), &[v.view(), v.view(), v.view()]).unwrap();
    (&rows * &rows).sum() + cols.mapv(f64::exp).sum() + pair.dot(v).sum() + three.sum_axis(Axis(0)).dot(&three.row(0))
}

#[test]
fn concatenate_and_stack() {
    let (a, b, v) = (m(2, 3, 0.1), m(2, 3, 0.6), array![0.2, -0.4, 0.9]);
    let (ga, gb, gv) = joined::grad(&a, &b, &v);
    close(&ga, &fd(|a| joined(a, &b, &v), &a), 1e-7);
    close(&gb, &fd(|b| joined(&a, b, &v), &b), 1e-7);
    close(&gv, &fd(|v| joined(&a, &b, v), &v), 1e-7);
    let (_, d) = joined::jvp(&a, &b, &v, Array2::zeros((2, 3)), Array2::zeros((2, 3)), v.clone());
    assert!((d - gv.dot(&v)).abs() < 1e-9);
}

/// Arrays carried through a loop with a branch, as a recurrent step: the loop's tape holds
/// each iteration's array partials.
#[differentiable(wrt(w, x))]
fn recurrent(w: &Array2<f64>, x: &Array1<f64>, steps: usize) -> f64 {
    let mut h = x.clone();
    let mut total = 0.0;
    for k in 0..steps {
        let pre = w.dot(&h);
        h = if k % 2 == 0 { pre.mapv(f64::tanh) } else { pre.mapv(|v| v.max(0.0)) + &h * 0.5 };
        total += h.sum();
    }
    total + x.sum() + h.norm_l2()
}

#[test]
fn arrays_through_loops_and_branches() {
    let (w, x) = (m(3, 3, 0.25) * 0.7, array![0.3, -0.6, 0.9]);
    for steps in [0, 1, 4] {
        let (gw, gx) = recurrent::grad(&w, &x, steps);
        close(&gw, &fd(|w| recurrent(w, &x, steps), &w), 1e-7);
        close(&gx, &fd(|x| recurrent(&w, x, steps), &x), 1e-7);
        let (_, d) = recurrent::jvp(&w, &x, steps, Array2::zeros((3, 3)), x.clone());
        assert!((d - gx.dot(&x)).abs() < 1e-9, "{steps} steps");
    }
}

/// Element updates inside a loop, reading earlier elements: `y[i] = y[i] + 0.5 * y[i - 1]`
/// (spelled as the control-flow issue spells it).
#[allow(clippy::assign_op_pattern)]
#[differentiable(wrt(x, c))]
fn smooth(x: &Array1<f64>, c: f64, passes: usize) -> f64 {
    let mut y = x.clone();
    for _ in 0..passes {
        for i in 1..y.len() {
            y[i] = y[i] + 0.5 * y[i - 1];
            y[i - 1] *= c;
        }
    }
    let mut z = Array1::zeros(3);
    z[0] = y[0] * y[1];
    z[2] += c.sin();
    (&y * &y).sum() + z.sum()
}

#[test]
fn element_updates_in_loops() {
    let x = array![0.4, -0.3, 0.8, 0.1, -0.6];
    for passes in [0, 1, 3] {
        let (gx, gc) = smooth::grad(&x, 0.9, passes);
        close(&gx, &fd(|x| smooth(x, 0.9, passes), &x), 1e-7);
        let fc = (smooth(&x, 0.9 + 1e-6, passes) - smooth(&x, 0.9 - 1e-6, passes)) / 2e-6;
        assert!((gc - fc).abs() < 1e-6 * (1.0 + fc.abs()), "{gc} vs {fc}");
        let (_, d) = smooth::jvp(&x, 0.9, passes, x.clone(), 1.0);
        assert!((d - gx.dot(&x) - gc).abs() < 1e-9);
    }
}

/// Slice and 2-D element assignment: `a.slice_mut(s![..]).assign(&v)` (with broadcasting) and
/// `a[[i, j]] += ...` in a loop.
#[differentiable(wrt(a, v, c))]
fn patched(a: &Array2<f64>, v: &Array1<f64>, c: f64) -> f64 {
    let mut b = a.clone();
    b.slice_mut(s![1.., ..2]).assign(&v.slice(s![..2]));
    let n = b.nrows();
    for i in 0..n {
        b[[i, 2]] += c * b[[i, 0]];
    }
    let mut z = Array2::zeros((2, 3));
    z.slice_mut(s![0, ..]).assign(v);
    (&b * &b).sum() + (&z * &b.slice(s![..2, ..])).sum()
}

#[test]
fn slice_and_two_dimensional_element_updates() {
    let (a, v, c) = (m(3, 3, 0.7), array![0.5, -0.8, 1.2], 0.6);
    let (ga, gv, gc) = patched::grad(&a, &v, c);
    close(&ga, &fd(|a| patched(a, &v, c), &a), 1e-7);
    close(&gv, &fd(|v| patched(&a, v, c), &v), 1e-7);
    let fc = (patched(&a, &v, c + 1e-6) - patched(&a, &v, c - 1e-6)) / 2e-6;
    assert!((gc - fc).abs() < 1e-6 * (1.0 + fc.abs()));
    let (_, d) = patched::jvp(&a, &v, c, a.clone(), Array1::zeros(3), 0.0);
    assert!((d - (&ga * &a).sum()).abs() < 1e-9);
}

// Found by the random-program test (tests/random_programs.rs): an element read, which the
// generated code holds by reference, compared in a condition and cast to an integer.
#[differentiable]
fn element_in_condition(a: &Array1<f64>, x: f64) -> f64 {
    let k = a[1] as usize;
    if x > a[0] { x * a[1] + k as f64 } else { x * 2.0 }
}

#[test]
fn element_reads_in_conditions_and_casts() {
    let a = array![0.5, 2.5];
    assert_eq!(element_in_condition::grad(&a, 1.0), (array![0.0, 1.0], 2.5));
    assert_eq!(element_in_condition::grad(&a, 0.0), (array![0.0, 0.0], 2.0));
    assert_eq!(element_in_condition::value_and_grad(&a, 1.0).0, 4.5);
}

// Found by the random-program test: an element read bound to a `let mut` (or assigned in a
// branch) and then updated kept its name but lost being read by reference.
#[differentiable]
fn element_then_updated(a: &Array1<f64>, x: f64) -> f64 {
    let mut v = a[0];
    v -= x;
    let mut w = x * 2.0;
    if x > 0.0 {
        w = a[1];
    }
    v * x + w
}

#[test]
fn element_reads_assigned_to_mutable_locals() {
    let a = array![0.5, 2.5];
    // (a₀ − x)·x + a₁ for x > 0, (a₀ − x)·x + 2x otherwise.
    assert_eq!(element_then_updated::grad(&a, 1.5), (array![1.5, 1.0], -2.5));
    assert_eq!(element_then_updated::grad(&a, -1.0), (array![-1.0, 0.0], 4.5));
    assert_eq!(element_then_updated::jvp(&a, 1.5, array![1.0, 1.0], 1.0).1, 0.0);
}

/// An array from outside a branch (a borrowed parameter, or a local read again after the
/// branch) as an arm's value: it leaves the arm through a copy.
#[differentiable]
fn branch_passes_an_outer_array(m: &Array2<f64>, a: Array1<f64>, x: f64) -> f64 {
    let a1 = if a.sum() > x { m * x.cosh() } else { m.clone() };
    let b = a.clone();
    let c = if x > 0.0 { a * x } else { b.clone() };
    a1.sum() * c.sum() + b.sum()
}

#[test]
fn outer_arrays_leave_branches_by_copy() {
    let m = array![[1.0, -2.0], [0.5, 3.0]];
    let a = array![0.3, -0.7];
    for x in [-0.5, 0.2, 2.0] {
        let (gm, ga, gx) = branch_passes_an_outer_array::grad(&m, a.clone(), x);
        close(&gm, &fd(|m| branch_passes_an_outer_array(m, a.clone(), x), &m), 1e-6);
        close(&ga, &fd(|a| branch_passes_an_outer_array(&m, a.clone(), x), &a), 1e-6);
        let h = 1e-6;
        let fx = (branch_passes_an_outer_array(&m, a.clone(), x + h)
            - branch_passes_an_outer_array(&m, a.clone(), x - h))
            / (2.0 * h);
        assert!((gx - fx).abs() < 1e-6 * (1.0 + fx.abs()), "{gx} vs {fx}");
        let (_, t) = branch_passes_an_outer_array::jvp(&m, a.clone(), x, m.clone(), a.clone(), 1.0);
        let want = (&gm * &m).sum() + (&ga * &a).sum() + gx;
        assert!((t - want).abs() < 1e-10 * (1.0 + want.abs()), "{t} vs {want}");
    }
}

/// A borrowed constant (`&w`) with an owned active array, on either side.
#[differentiable(wrt(a))]
fn weighted(a: Array1<f64>, w: Array1<f64>) -> f64 {
    (a.sin() * &w).sum() + (&w * a.cos()).sum() - (a / &w).dot(&w)
}

#[test]
fn borrowed_constants_combine_with_owned_arrays() {
    let (a, w) = (array![0.3, -1.2, 2.0], array![1.5, -0.5, 0.25]);
    let g = weighted::grad(a.clone(), w.clone());
    let expected = (a.mapv(f64::cos) - a.mapv(f64::sin)) * &w - 1.0;
    close(&g, &expected, 1e-15);
    let (_, d) = weighted::jvp(a.clone(), w.clone(), array![1.0, 0.0, 0.0]);
    assert!((d - expected[0]).abs() < 1e-15);
}

#[differentiable]
fn scaled_pair(a: f64, b: f64) -> f64 {
    a * b.sin()
}

/// An element read (held by reference) passed to a call is passed by value, in a condition too.
#[differentiable]
fn element_to_call(m: &Array2<f64>, x: f64) -> f64 {
    let v = m[[0, 1]];
    let y = if scaled_pair(v, v) > x { scaled_pair(v, x) } else { x * v };
    y + scaled_pair(m[[1, 0]], x)
}

#[test]
fn element_reads_pass_to_calls_by_value() {
    let m = m(2, 2, 0.4);
    for x in [-0.9, 0.2] {
        let (gm, gx) = element_to_call::grad(&m, x);
        close(&gm, &fd(|m| element_to_call(m, x), &m), 1e-8);
        let fx = (element_to_call(&m, x + 1e-6) - element_to_call(&m, x - 1e-6)) / 2e-6;
        assert!((gx - fx).abs() < 1e-8, "{gx} vs {fx}");
    }
}
