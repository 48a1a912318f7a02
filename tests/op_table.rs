//! The operator table: every rule of the runtime registered once per element type with its
//! domain and sample shapes, and one test that runs the same checks over all of them.
//!
//! Each entry (`op_table/real.rs`, `op_table/complex.rs`) is a `#[differentiable]` function
//! applying the rule, written once and instantiated for `f64` and `f32` (real entries) or
//! `Complex64` and `Complex32` (complex entries). At random points of the entry's domain,
//! along random directions, [`harness::check`] compares
//!
//! * reverse mode (`vjp`, a random cotangent) and forward mode (`jvp`) with fourth-order
//!   central differences, and with each other to rounding;
//! * for real entries, declared `order = 2`: the second Taylor coefficient (`taylor::<3>`)
//!   with differences of `jvp`, and the Hessian-vector product (`hvp` of the output weighted
//!   by a random cotangent: the rule's VJP run at dual numbers) with differences of `vjp`.
//!
//! Complex code has no `order = 2` (it needs real coordinates), so complex entries are checked
//! to first order; a real entry without a second-order check says why.
//!
//! The table must be complete ([`coverage`]): every rule of the macro's table
//! (`autodiff-macros/src/rules.rs`) and every `*_vjp` function of the runtime has an entry, or
//! is named with the entry that exercises it; an element type checked in one precision is
//! checked in the other. A rule without an entry fails the test.

// `let (x) = ..` and `type X = (f64)` are what the entry macro writes for one argument.
#![allow(unused_parens)]

#[path = "op_table/coverage.rs"]
mod coverage;
#[path = "op_table/harness.rs"]
mod harness;

use harness::{Entry, Rng, Sample};

/// Random points per entry (each checked along two directions).
const POINTS: usize = 3;

/// An entry of the table: `op!(f64; name, "rule", (x dx: [type] = [shape] in domain, ..) ->
/// output { body })` defines `mod name` with the function `f(x, ..) -> output { body }` and
/// `entry()`. `dx` names the tangent of `x`; a scalar output is written as the bare type, an
/// array output in brackets.
///
/// * `op!(f64; ..)`: real, `order = 2`, all checks; `g(x, .., weight) = ⟨weight, f(x, ..)⟩`
///   gives the Hessian-vector products;
/// * `op!(first_order f64, "why"; ..)`: real, first order only, for the reason given;
/// * `op!(complex Complex64; ..)`: complex values somewhere, first order only.
macro_rules! op {
    ($t:ident; $name:ident, $rule:expr, ($($x:ident $dx:ident: [$($ty:tt)+] = $shape:tt in $dom:expr),+) -> $out:ident $body:block) => {
        op!(@second $t; $name, $rule, ($($x $dx: [$($ty)+] = $shape in $dom),+) -> [$out] $body, weight { f($($x),+) * weight });
    };
    ($t:ident; $name:ident, $rule:expr, ($($x:ident $dx:ident: [$($ty:tt)+] = $shape:tt in $dom:expr),+) -> [$($out:tt)+] $body:block) => {
        op!(@second $t; $name, $rule, ($($x $dx: [$($ty)+] = $shape in $dom),+) -> [$($out)+] $body, weight { (f($($x),+) * &weight).sum() });
    };
    (@second $t:ident; $name:ident, $rule:expr, ($($x:ident $dx:ident: [$($ty:tt)+] = $shape:tt in $dom:expr),+) -> [$($out:tt)+] $body:block, $w:ident { $($weighted:tt)* }) => {
        pub mod $name {
            use super::*;

            #[differentiable(order = 2)]
            pub fn f($($x: $($ty)+),+) -> $($out)+ $body

            #[differentiable(order = 2, wrt($($x),+))]
            pub fn g($($x: $($ty)+,)+ $w: $($out)+) -> $t { $($weighted)* }

            pub fn entry() -> Entry {
                op!(@entry $name, $rule, stringify!($t), None, ($($x $dx: [$($ty)+] = $shape in $dom),+) -> [$($out)+] $body,
                    Some((
                        &|__x: &X, __v: &X| { let ($($x),+) = __x.clone(); let ($($dx),+) = __v.clone(); f::taylor::<3>($($x,)+ $($dx),+) },
                        &|__x: &X, __w: &Y, __v: &X| { let ($($x),+) = __x.clone(); let ($($dx),+) = __v.clone(); g::hvp($($x,)+ __w.clone(), $($dx),+) },
                    )))
            }
        }
    };
    (first_order $t:ident, $why:literal; $name:ident, $rule:expr, ($($x:ident $dx:ident: [$($ty:tt)+] = $shape:tt in $dom:expr),+) -> [$($out:tt)+] $body:block) => {
        op!(@first $t, Some($why); $name, $rule, ($($x $dx: [$($ty)+] = $shape in $dom),+) -> [$($out)+] $body);
    };
    (complex $c:ident; $name:ident, $rule:expr, ($($x:ident $dx:ident: [$($ty:tt)+] = $shape:tt in $dom:expr),+) -> [$($out:tt)+] $body:block) => {
        op!(@first $c, Some("complex code has no `order = 2`"); $name, $rule, ($($x $dx: [$($ty)+] = $shape in $dom),+) -> [$($out)+] $body);
    };
    (@first $t:ident, $why:expr; $name:ident, $rule:expr, ($($x:ident $dx:ident: [$($ty:tt)+] = $shape:tt in $dom:expr),+) -> [$($out:tt)+] $body:block) => {
        pub mod $name {
            use super::*;

            #[differentiable]
            pub fn f($($x: $($ty)+),+) -> $($out)+ $body

            pub fn entry() -> Entry {
                op!(@entry $name, $rule, stringify!($t), $why, ($($x $dx: [$($ty)+] = $shape in $dom),+) -> [$($out)+] $body, None)
            }
        }
    };
    (@entry $name:ident, $rule:expr, $elem:expr, $why:expr, ($($x:ident $dx:ident: [$($ty:tt)+] = $shape:tt in $dom:expr),+) -> [$($out:tt)+] $body:block, $second:expr) => {{
        type X = ($($($ty)+),+);
        type Y = $($out)+;
        Entry {
            rule: $rule,
            elem: $elem,
            first_order_only: $why,
            code: concat!(module_path!(), ": fn f", stringify!(($($x: $($ty)+),+) -> $($out)+ $body)),
            run: |rng: &mut Rng| {
                let value = |__x: &X| {
                    let ($($x),+) = __x.clone();
                    f($($x),+)
                };
                let vjp = |__x: &X, __y: &Y| {
                    let ($($x),+) = __x.clone();
                    f::vjp($($x,)+ __y.clone())
                };
                let jvp = |__x: &X, __v: &X| {
                    let ($($x),+) = __x.clone();
                    let ($($dx),+) = __v.clone();
                    f::jvp($($x,)+ $($dx),+)
                };
                let sample = |rng: &mut Rng| -> X { ($(<$($ty)+ as Sample>::sample(&$shape, &$dom, rng)),+) };
                let second: Option<$crate::harness::Second<X, Y>> = $second;
                $crate::harness::run(rng, $crate::POINTS, sample, $crate::harness::Modes { f: &value, vjp: &vjp, jvp: &jvp, second })
            },
        }
    }};
}

#[path = "op_table/complex.rs"]
mod complex;
#[path = "op_table/real.rs"]
mod real;

/// Every entry of the table, real and complex, both precisions.
fn table() -> Vec<Entry> {
    let mut entries = real::entries();
    entries.extend(complex::entries());
    entries
}

#[test]
fn every_rule_passes_its_checks() {
    let entries = table();
    let seed = std::env::var("AUTODIFF_OP_TABLE_SEED").map_or(0x0dd5_eed5_1234_5679, |s| s.parse().expect("a seed"));
    let mut rng = Rng(seed);
    let mut failures = Vec::new();
    let (mut points, mut second) = (0, 0);
    for e in &entries {
        match (e.run)(&mut rng) {
            Ok(outcome) => {
                points += outcome.points;
                second += usize::from(outcome.second_order);
            }
            Err(msg) => failures.push(format!("{} ({}): {msg}\n    in {}", e.rule, e.elem, e.code)),
        }
    }
    println!("{} entries, {points} points, {second} entries with second-order checks (seed {seed})", entries.len());
    let mut first_only = std::collections::BTreeMap::<&str, std::collections::BTreeSet<&str>>::new();
    for e in &entries {
        if let Some(why) = e.first_order_only {
            first_only.entry(why).or_default().insert(e.rule);
        }
    }
    for (why, rules) in first_only {
        println!("first order only ({why}): {}", Vec::from_iter(rules).join(" "));
    }
    assert!(
        failures.is_empty(),
        "{} of {} entries failed:\n\n{}",
        failures.len(),
        entries.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_rule_has_an_entry() {
    coverage::assert_complete(&table());
}

/// The checks pass hand-written derivatives of `f(a, b) = sin(a)·b` and reject each kind of
/// slip: a wrong value, reverse or forward mode off by 1e-4, a wrong second Taylor
/// coefficient or Hessian-vector product.
#[test]
fn the_checks_catch_wrong_derivatives() {
    use harness::{Modes, check};
    type X = (f64, f64);
    let f = |&(a, b): &X| a.sin() * b;
    let grad = |&(a, b): &X| (a.cos() * b, a.sin());
    let vjp = |x: &X, y: &f64| (f(x), (grad(x).0 * y, grad(x).1 * y));
    let jvp = |x: &X, v: &X| (f(x), grad(x).0 * v.0 + grad(x).1 * v.1);
    // Hessian [[−sin a·b, cos a], [cos a, 0]].
    let hvp = |&(a, b): &X, w: &f64, v: &X| (w * (-a.sin() * b * v.0 + a.cos() * v.1), w * a.cos() * v.0);
    let taylor = |x: &X, v: &X| {
        let h = hvp(x, &1.0, v);
        [f(x), jvp(x, v).1, h.0 * v.0 + h.1 * v.1]
    };
    let x = (0.7, -1.3);
    let run =
        |modes: Modes<X, f64>| check(&x, &modes, 2, &mut Rng(7)).map_err(|e| e.split(' ').next().unwrap().to_owned());
    let right = Modes { f: &f, vjp: &vjp, jvp: &jvp, second: Some((&taylor, &hvp)) };
    assert_eq!(run(right), Ok(()));

    let value = |x: &X, y: &f64| (f(x) + 1e-15, vjp(x, y).1);
    let reverse = |x: &X, y: &f64| (f(x), (vjp(x, y).1.0 * (1.0 + 1e-4), vjp(x, y).1.1));
    let forward = |x: &X, v: &X| (f(x), jvp(x, v).1 * (1.0 + 1e-4));
    let second = |x: &X, v: &X| {
        let t = taylor(x, v);
        [t[0], t[1], t[2] * (1.0 + 1e-4)]
    };
    let hessian = |x: &X, w: &f64, v: &X| (hvp(x, w, v).0 * (1.0 + 1e-4), hvp(x, w, v).1);
    let cases: [(Modes<X, f64>, &str); 5] = [
        (Modes { f: &f, vjp: &value, jvp: &jvp, second: None }, "value"),
        (Modes { f: &f, vjp: &reverse, jvp: &jvp, second: None }, "reverse"),
        (Modes { f: &f, vjp: &vjp, jvp: &forward, second: None }, "forward"),
        (Modes { f: &f, vjp: &vjp, jvp: &jvp, second: Some((&second, &hvp)) }, "taylor"),
        (Modes { f: &f, vjp: &vjp, jvp: &jvp, second: Some((&taylor, &hessian)) }, "hvp"),
    ];
    for (modes, caught_by) in cases {
        assert_eq!(run(modes), Err(caught_by.to_owned()));
    }
}
