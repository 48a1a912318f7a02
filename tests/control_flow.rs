//! Branches, loops, early exits and mutation inside `#[differentiable]` functions, each
//! checked against finite differences and forward mode.

// The tests spell reassignments both ways on purpose (`s = s * y` and `s *= y`).
#![allow(clippy::assign_op_pattern)]

use autodiff_runtime::check::GradCheck;
use autodiff_runtime::differentiable;

/// Checks reverse and forward mode of a one-input function at `x`.
macro_rules! check1 {
    ($f:ident, $x:expr $(, $rest:expr)*) => {{
        let x: f64 = $x;
        GradCheck::default()
            .both(|x: &f64| $f(*x $(, $rest)*), |x, yb| $f::vjp(*x $(, $rest)*, *yb).1, |x, v| $f::jvp(*x $(, $rest)*, *v).1, &x)
            .unwrap_or_else(|e| panic!("{} at {}: {e}", stringify!($f), x));
    }};
}

/// Checks a two-input function at `(x, y)`.
macro_rules! check2 {
    ($f:ident, $x:expr, $y:expr $(, $rest:expr)*) => {{
        let p: (f64, f64) = ($x, $y);
        GradCheck::default()
            .both(
                |&(x, y): &(f64, f64)| $f(x, y $(, $rest)*),
                |&(x, y), yb| $f::vjp(x, y $(, $rest)*, *yb).1,
                |&(x, y), &(dx, dy)| $f::jvp(x, y $(, $rest)*, dx, dy).1,
                &p,
            )
            .unwrap_or_else(|e| panic!("{} at {:?}: {e}", stringify!($f), p));
    }};
}

#[differentiable]
fn piecewise(x: f64) -> f64 {
    if x < -1.0 {
        -x * 2.0
    } else if x < 1.0 {
        x * x
    } else {
        x.ln() + 1.0
    }
}

#[test]
fn if_else_if_else_as_expression() {
    for x in [-2.5, -0.5, 0.3, 2.0] {
        check1!(piecewise, x);
    }
    assert_eq!(piecewise::grad(-2.0), -2.0);
    assert_eq!(piecewise::grad(0.5), 1.0);
    assert_eq!(piecewise::grad(2.0), 0.5);
}

#[differentiable]
fn branch_statements(x: f64, y: f64) -> f64 {
    let mut s = x;
    if y > x {
        s = s * y;
        s += 1.0;
    }
    if x * y < 0.0 {
        s = 0.0;
    } else {
        s = s + x.sin();
    }
    let t = if s > 2.0 { s.sqrt() } else { s * 3.0 };
    t + y
}

#[test]
fn if_statements_assign_outer_variables() {
    for (x, y) in [(0.5, 2.0), (2.0, 0.5), (-1.0, 2.0), (1.2, 1.3), (3.0, 4.0)] {
        check2!(branch_statements, x, y);
    }
    // s = 0 on the `x * y < 0` branch: only `y` remains.
    assert_eq!(branch_statements::grad(-1.0, 2.0), (0.0, 1.0));
}

#[derive(Clone, Copy)]
enum Mode {
    Square,
    Cube,
    Identity,
}

#[differentiable(wrt(x))]
fn matcher(x: f64, k: i32, m: Mode) -> f64 {
    let a = match k {
        0 => x,
        1 | 2 => x * x,
        n if n < 0 => -x,
        _ => x.exp(),
    };
    let b = match m {
        Mode::Square => a * a,
        Mode::Cube => a * a * a,
        Mode::Identity => a,
    };
    match x > 0.0 {
        true => b,
        false => b * 2.0,
    }
}

#[test]
fn match_on_integers_enums_and_bools() {
    for k in [-3, 0, 1, 2, 7] {
        for m in [Mode::Square, Mode::Cube, Mode::Identity] {
            for x in [-0.7, 0.4] {
                check1!(matcher, x, k, m);
            }
        }
    }
}

#[differentiable]
fn power_by_loop(x: f64, n: usize) -> f64 {
    let mut t = 1.0;
    for _ in 0..n {
        t *= x;
    }
    t
}

#[test]
fn loops_of_zero_one_and_many_iterations() {
    assert_eq!(power_by_loop::grad(2.0, 0), 0.0);
    assert_eq!(power_by_loop::grad(2.0, 1), 1.0);
    assert_eq!(power_by_loop::grad(2.0, 5), 5.0 * 16.0);
    for n in [0, 1, 2, 7] {
        check1!(power_by_loop, 1.3, n);
    }
}

#[differentiable]
fn ranges(x: f64, n: i64) -> f64 {
    let mut s = 0.0;
    for i in 1..=n {
        s += x.powi(i as i32) / i as f64;
    }
    for i in (0..n).rev() {
        s = s * 0.5 + (i as f64) * x;
    }
    for i in (0..10).step_by(3) {
        s += x.sin() * i as f64;
    }
    s
}

#[test]
fn inclusive_reversed_and_stepped_ranges() {
    for n in [0, 1, 4] {
        check1!(ranges, 0.8, n);
    }
}

#[differentiable]
fn nested(x: f64, y: f64, n: usize) -> f64 {
    let mut acc = 0.0;
    for i in 0..n {
        let mut row = x;
        for j in 0..n {
            if j == i {
                continue;
            }
            row = row * y + (j as f64);
            if row > 50.0 {
                break;
            }
        }
        acc += row.tanh();
    }
    acc
}

#[test]
fn nested_loops_with_break_and_continue() {
    for n in [0, 1, 3, 5] {
        check2!(nested, 0.9, 1.7, n);
        check2!(nested, -0.3, 2.2, n);
    }
}

#[differentiable]
fn newton_sqrt(a: f64) -> f64 {
    let mut x = a;
    let mut steps = 0;
    while (x * x - a).abs() > 1e-12 * a {
        x = 0.5 * (x + a / x);
        steps += 1;
        if steps > 100 {
            break;
        }
    }
    x
}

#[test]
fn while_loop_to_convergence() {
    for a in [0.5f64, 2.0, 9.0] {
        // Differentiating the iterations of a converged solver gives d√a/da.
        let g = newton_sqrt::grad(a);
        assert!((g - 0.5 / a.sqrt()).abs() < 1e-8, "{g}");
        check1!(newton_sqrt, a);
    }
}

#[differentiable]
fn loop_with_value(x: f64) -> f64 {
    let mut y = x;
    let mut k = 0;
    let z = loop {
        y = y.sin() + 0.5;
        k += 1;
        if k == 4 {
            break y * 2.0;
        }
    };
    z + y
}

#[test]
fn loop_with_break_value() {
    for x in [0.1, 1.4] {
        check1!(loop_with_value, x);
    }
}

#[differentiable]
fn labelled(x: f64, n: usize) -> f64 {
    let mut s = x;
    'outer: for i in 0..n {
        for j in 0..n {
            if i * j > 6 {
                break 'outer;
            }
            if j > i {
                continue 'outer;
            }
            s = s * x + 1.0;
        }
    }
    s
}

#[test]
fn labelled_break_and_continue() {
    for n in [0, 1, 3, 6] {
        check1!(labelled, 0.7, n);
    }
}

#[differentiable]
fn early_return(x: f64, n: usize) -> f64 {
    let mut s = x;
    if x < 0.0 {
        return x * x;
    }
    for i in 0..n {
        s = s * 1.5 + x;
        if s > 10.0 {
            return s.ln() + i as f64;
        }
    }
    s * 2.0
}

#[test]
fn return_from_branches_and_loops() {
    for (x, n) in [(-1.5, 3), (0.2, 0), (0.2, 2), (0.5, 10), (3.0, 10)] {
        check1!(early_return, x, n);
    }
    assert_eq!(early_return::grad(-1.5, 3), -3.0);
}

#[differentiable]
fn swap_and_carry(a: f64, b: f64, n: usize) -> f64 {
    let mut x = a;
    let mut y = b;
    for _ in 0..n {
        let t = x;
        x = y;
        y = t + y * 0.5;
    }
    x * 3.0 + y
}

#[test]
fn swaps_through_a_temporary() {
    for n in [0, 1, 2, 5] {
        check2!(swap_and_carry, 0.3, -1.1, n);
    }
}

#[differentiable]
fn step(x: f64, v: f64) -> f64 {
    x + 0.1 * v.sin()
}

#[differentiable]
fn calls_in_loop(x: f64, v: f64, n: usize) -> f64 {
    let mut p = x;
    for i in 0..n {
        p = if i % 2 == 0 { step(p, v) } else { step(v, p) * 0.5 };
    }
    p
}

#[test]
fn loop_body_calls_another_differentiable_function() {
    for n in [0, 1, 4] {
        check2!(calls_in_loop, 0.4, 1.3, n);
    }
}

#[differentiable]
fn switching(x: f64) -> f64 {
    if x.sin() > 0.0 { step(x, x) } else { x.cos() * step(1.0, x) }
}

#[test]
fn branches_switch_between_calls() {
    // The two calls of the test take different arms.
    check1!(switching, 1.0);
    check1!(switching, 4.0);
    assert!(switching::grad(1.0) != switching::grad(4.0));
}

#[differentiable]
fn block_expressions(x: f64) -> f64 {
    let k = 3;
    let y = {
        let k = x * 2.0;
        k.exp()
    };
    y * k as f64
}

#[test]
fn block_expressions_keep_their_scope() {
    let g = block_expressions::grad(0.3);
    assert!((g - 6.0 * 0.6f64.exp()).abs() < 1e-12);
}

#[differentiable]
fn tuple_state(x: f64, v: f64, n: usize) -> f64 {
    let mut state = (x, v);
    for _ in 0..n {
        state = (state.0 + 0.1 * state.1, state.1 - 0.1 * state.0.sin());
    }
    let (p, q) = state;
    let r = if p > q { (p, q * 2.0) } else { (q, p) };
    let mut s = r;
    if n > 2 {
        s = (s.1, s.0);
    }
    s.0 * s.1
}

#[test]
fn tuples_carried_through_loops_and_branches() {
    for n in [0, 1, 3, 6] {
        check2!(tuple_state, 0.4, -0.3, n);
        check2!(tuple_state, -0.2, 0.9, n);
    }
}

// Regressions found by the random-program test (tests/random_programs.rs).

#[allow(unused_assignments)]
#[differentiable]
fn constant_then_compound(x: f64) -> f64 {
    let mut s = x * x;
    s = 2.0;
    s += x;
    s * x
}

#[differentiable]
fn early_constant_return(x: f64) -> f64 {
    if x > 0.0 {
        return 2.0;
    }
    x * 3.0
}

#[differentiable]
fn shadow_in_loop(x: f64) -> f64 {
    let s = x;
    for _ in 0..3 {
        let s = s * 2.0;
        let _t = s + 1.0;
    }
    s * x
}

#[differentiable]
fn tuple_after_loop_with_break(x: f64, n: usize) -> f64 {
    let q = (x * 2.0, x.sin());
    let mut s = x;
    for i in 0..n {
        if i > 1 {
            break;
        }
        s *= x;
    }
    q.0 + q.1 * s
}

/// A `&f64` parameter compared and cast (the comparison reads through the reference).
#[differentiable]
fn reference_in_condition(x: &f64) -> f64 {
    if *x > 0.0 { *x * 2.0 } else { *x * (*x as i32) as f64 }
}

#[test]
fn regressions_from_random_programs() {
    assert_eq!(reference_in_condition::value_and_grad(&1.5), (3.0, 2.0));
    assert_eq!(reference_in_condition::value_and_grad(&-1.5), (1.5, -1.0));
    assert_eq!(constant_then_compound(1.5), 5.25);
    assert_eq!(constant_then_compound::value_and_grad(1.5), (5.25, 5.0));
    assert_eq!(early_constant_return::value_and_grad(1.0), (2.0, 0.0));
    assert_eq!(early_constant_return::jvp(1.0, 1.0), (2.0, 0.0));
    assert_eq!(early_constant_return::value_and_grad(-1.0), (-3.0, 3.0));
    assert_eq!(shadow_in_loop::value_and_grad(1.5), (2.25, 3.0));
    for n in [0, 2, 5] {
        check1!(tuple_after_loop_with_break, 0.7, n);
        check1!(constant_then_compound, 0.7);
        check1!(shadow_in_loop, -0.4);
    }
}
