//! Random `#[differentiable]` functions inside the supported language, deterministic in a seed.
//!
//! Every expression carries a bound on its magnitude (inputs lie in [-1.5, 1.5], `n` in 0..4)
//! and an argument that could take a method out of its domain, or grow enough to make finite
//! differences meaningless, is squashed first (`tanh`, `atan`, `sin` or a small factor). Methods
//! with a restricted domain only see arguments that are inside it whatever their value
//! (`(1.0 + a * a).ln()`, `(a.tanh() * 0.9).asin()`), so the minimiser may replace any argument.
//!
//! Scalar functions use arithmetic, every float method with a rule, `let`, shadowing, `let mut`
//! with `=`, `+=`, `-=`, `*=`, `/=`, tuples, swaps, `if`/`else if`/`else` and `match` on integers
//! (as statements and expressions), `for` over ranges, `while` and `loop` with counters, `break`
//! and `continue`, early `return`, and calls to functions generated before them. Array functions
//! add `Array1`/`Array2` parameters (by reference and by value), broadcasting arithmetic with
//! scalars and rows, `mapv` with methods and closures, `sum`, `mean`, `dot`, `sum_axis`,
//! `mean_axis`, `outer`, `t()`, element reads and writes, and arrays carried through loops and
//! branches. A few functions are `order = 2`.

use super::ast::{Cond, Expr, Function, LoopKind, Param, Stmt, Ty};

/// SplitMix64: small, fast, and the same on every platform.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
    /// An index into a list of `n`, biased towards the end (the most recent variables).
    fn recent(&mut self, n: usize) -> usize {
        n - 1 - self.below(n).min(self.below(n))
    }
}

/// Bound on a value assigned with `=` inside a loop, so that loop-carried state stays bounded.
const SMALL: f64 = 6.0;
/// Bound assumed for a variable carried around a loop.
const CAP: f64 = 16.0;
/// Bound on any expression.
const BIG: f64 = 50.0;

type Unary = (&'static str, f64, fn(f64) -> f64);
type Binary = (&'static str, f64, fn(f64, f64) -> f64);

/// Unary forms, the largest argument each takes (a larger one is squashed first) and the
/// bound of its result. A form that repeats its hole takes a variable.
#[rustfmt::skip]
const UNARY: &[Unary] = &[
    ("$0.sin()", 10.0, |_| 1.0), ("$0.cos()", 10.0, |_| 1.0), ("($0 * 0.5).tan()", 2.0, |_| 1.6),
    ("$0.tanh()", BIG, |_| 1.0), ("$0.atan()", BIG, |_| 1.6), ("$0.exp()", 2.0, f64::exp),
    ("(1.0 + $0 * $0).ln()", BIG, |m| (1.0 + m * m).ln()), ("(0.5 + $0.exp()).ln()", 2.0, |m| m + 1.0),
    ("(1.0 + $0 * $0).sqrt()", BIG, |m| (1.0 + m * m).sqrt()), ("$0.exp().sqrt()", 2.0, |m| (m / 2.0).exp()),
    ("$0.powi(2)", 6.0, |m| m * m), ("$0.powi(3)", 3.0, |m| m * m * m), ("(1.0 + $0 * $0).powi(-2)", BIG, |_| 1.0),
    ("$0.abs()", BIG, |m| m), ("$0.hypot(0.5)", BIG, |m| m + 0.5), ("$0.asinh()", BIG, |m| m),
    ("$0.sinh()", 2.0, f64::sinh), ("$0.cosh()", 2.0, f64::cosh), ("($0.tanh() * 0.9).asin()", BIG, |_| 1.2),
    ("($0.tanh() * 0.9).acos()", BIG, |_| 2.7), ("($0.sin() * 0.9).atanh()", 10.0, |_| 1.5),
    ("($0 * $0 + 1.5).acosh()", BIG, |m| (m * m + 1.5).acosh()), ("($0 * $0 + 0.5).cbrt()", BIG, |m| (m * m + 0.5).cbrt()),
    ("$0.exp_m1()", 2.0, f64::exp), ("($0 * $0).ln_1p()", BIG, |m| (m * m).ln_1p()),
    ("(1.0 + $0 * $0).recip()", BIG, |_| 1.0), ("$0.exp2()", 3.0, f64::exp2), ("$0.clamp(-1.0, 1.0)", BIG, |_| 1.0),
    ("(2.0 + $0.sin()).log2()", 10.0, |_| 1.6), ("(2.0 + $0.cos()).log10()", 10.0, |_| 0.5),
    ("(2.0 + $0.sin()).log(3.0)", 10.0, |_| 1.0), ("(1.0 + $0 * $0).powf(-0.5)", BIG, |_| 1.0),
    ("(1.0 + $0 * $0).powf(0.75)", BIG, |m| (1.0 + m * m).powf(0.75)), ("$0.to_radians()", BIG, |m| m * 0.02),
    ("($0 * 0.01).to_degrees()", BIG, |m| m * 0.6), ("$0.fract()", BIG, |_| 1.0), ("$0.floor()", BIG, |m| m + 1.0),
    ("$0.round()", BIG, |m| m + 1.0), ("$0 * $0.signum()", BIG, |m| m), ("-$0", BIG, |m| m),
];

/// Binary forms, as `UNARY`. The second argument of a form that repeats it is a variable.
#[rustfmt::skip]
const BINARY: &[Binary] = &[
    ("$0 + $1", BIG, |a, b| a + b), ("$0 - $1", BIG, |a, b| a + b), ("$0 * $1", BIG, |a, b| a * b),
    ("$0 + $1", BIG, |a, b| a + b), ("$0 * $1", BIG, |a, b| a * b),
    ("$0 / (1.0 + $1 * $1)", BIG, |a, _| a), ("$0 / (2.0 + $1.sin())", 10.0, |a, _| a), ("$0 / $1.cosh()", 10.0, |a, _| a),
    ("$0.max($1)", BIG, f64::max), ("$0.min($1)", BIG, f64::max),
    ("$0.hypot(1.0 + $1 * $1)", BIG, |a, b| a + 1.0 + b * b), ("$0.atan2(1.0 + $1 * $1)", BIG, |_, _| 1.6),
    ("$0.atan2($1)", BIG, |_, _| 3.2), ("$0.mul_add($1, 0.5)", BIG, |a, b| a * b + 0.5),
    ("(1.5 + $0.sin()).powf($1.tanh())", 10.0, |_, _| 2.5), ("$0.clamp(-2.0, $1.abs() + 0.5)", BIG, |a, _| a),
];

/// Unary methods of arrays (elementwise), as `UNARY`; `@0` is the argument by reference.
#[rustfmt::skip]
const ARRAY_UNARY: &[Unary] = &[
    ("$0.mapv(f64::sin)", 10.0, |_| 1.0), ("$0.mapv(f64::tanh)", BIG, |_| 1.0), ("$0.mapv(f64::exp)", 2.0, f64::exp),
    ("$0.mapv(f64::atan)", BIG, |_| 1.6), ("$0.tanh()", BIG, |_| 1.0), ("$0.sin()", 10.0, |_| 1.0),
    ("$0.cos()", 10.0, |_| 1.0), ("(1.0 + @0 * @0).mapv(f64::ln)", BIG, |m| (1.0 + m * m).ln()),
    ("(1.0 + @0 * @0).mapv(f64::sqrt)", BIG, |m| (1.0 + m * m).sqrt()),
    ("$0.mapv(f64::exp).mapv(f64::sqrt)", 2.0, |m| (m / 2.0).exp()), ("-@0", BIG, |m| m),
];

/// A function generated earlier in the batch that later ones may call: `name(x.., n)`.
#[derive(Clone)]
pub struct Callee {
    pub index: usize,
    pub name: String,
    /// The parameters in order: `true` for a float, `false` for the integer `n`.
    pub sig: Vec<bool>,
    pub floats: usize,
    pub has_n: bool,
    pub bound: f64,
    pub order2: bool,
}

impl Callee {
    pub fn new(index: usize, f: &Function, bound: f64) -> Option<Callee> {
        let sig: Vec<bool> = f.params.iter().map(|(_, p)| *p == Param::F64).collect();
        let scalar = f.params.iter().all(|(_, p)| matches!(p, Param::F64 | Param::Usize));
        let floats = sig.iter().filter(|&&b| b).count();
        let (name, has_n, order2) = (f.name.clone(), f.has_n(), f.order2);
        (scalar && floats <= 2).then_some(Callee { index, name, sig, floats, has_n, bound, order2 })
    }
}

#[derive(Clone)]
struct Var {
    name: String,
    ty: Ty,
    m: f64,
    mutable: bool,
    by_ref: bool,
}

impl Var {
    fn expr(&self) -> Expr {
        Expr::Var { name: self.name.clone(), ty: self.ty, by_ref: self.by_ref }
    }
}

/// An expression and a bound on its magnitude (on every element, for arrays).
type Val = (Expr, f64);

struct Gen<'a> {
    rng: &'a mut Rng,
    vars: Vec<Var>,
    /// Integer names in scope (`n`, loop counters) and their largest values.
    ints: Vec<(String, usize)>,
    depth: usize,
    loops: usize,
    in_loop: usize,
    /// How many variables were declared before the current block.
    block_base: usize,
    fresh: usize,
    callees: &'a [Callee],
    used: Vec<usize>,
    array: bool,
    shape: (usize, usize),
    order2: bool,
}

impl Gen<'_> {
    /// Indices of the variables that are the latest binding of their name.
    fn visible(&self, f: impl Fn(&Var) -> bool) -> Vec<usize> {
        let latest = |i: usize| !self.vars[i + 1..].iter().any(|w| w.name == self.vars[i].name);
        (0..self.vars.len()).filter(|&i| latest(i) && f(&self.vars[i])).collect()
    }

    fn pick_var(&mut self, ty: Ty) -> Option<Var> {
        let vis = self.visible(|v| v.ty == ty);
        (!vis.is_empty()).then(|| self.vars[vis[self.rng.recent(vis.len())]].clone())
    }

    fn len(&self, ty: Ty) -> usize {
        match ty {
            Ty::Vr => self.shape.0,
            Ty::Vc => self.shape.1,
            Ty::M => self.shape.0 * self.shape.1,
            _ => 1,
        }
    }

    /// A scalar leaf: a variable, a tuple field, a cast of an integer, a literal (if `lit`), or
    /// in array functions a reduction or an element of an array.
    fn leaf(&mut self, lit: bool) -> Val {
        let r = self.rng.below(12);
        if lit && r < 2 {
            let c = self.rng.pick(&[0.5, 1.5, 2.0, 0.25, 3.0, 0.75]);
            return (Expr::Lit(c), c);
        }
        // Not in `order = 2` functions: their jet copy lifts float literals but not casts, so
        // `(n as f64) + 0.5` does not type-check there (a known limitation, see the README).
        if r < 3 && !self.ints.is_empty() && !self.order2 {
            let (k, m) = self.ints[self.rng.below(self.ints.len())].clone();
            return (Expr::form(format!("{k} as f64"), vec![], Ty::S), m as f64);
        }
        if self.array && r < 7 {
            return self.reduction();
        }
        let v = self.pick_var(Ty::S).expect("a scalar is always in scope");
        (v.expr(), v.m)
    }

    /// A scalar from an array variable: `sum`, `mean`, `dot`, `norm_l2`, `amax` or an element.
    fn reduction(&mut self) -> Val {
        let ty = self.rng.pick(&[Ty::Vr, Ty::Vc, Ty::M, Ty::Vc]);
        let Some(a) = self.pick_var(ty) else { return self.leaf(false) };
        let (n, (r, c)) = (self.len(ty) as f64, self.shape);
        let x = (a.expr(), a.m);
        let (f, m) = match self.rng.below(7) {
            0 | 1 => ("$0.sum()", n * x.1),
            2 => ("$0.mean().unwrap()", x.1),
            3 if ty != Ty::M => {
                let b = self.array_leaf(ty);
                return (Expr::form("$0.dot(@1)", vec![x.0, b.0], Ty::S), n * x.1 * b.1);
            }
            4 => ("$0.norm_l2()", n.sqrt() * x.1),
            5 => ("$0.amax()", x.1),
            _ => {
                let k = self.rng.below(if ty == Ty::Vr { r } else { c });
                let i = self.rng.below(r);
                let f = if ty == Ty::M { format!("$0[[{i}, {k}]]") } else { format!("$0[{k}]") };
                return (Expr::form(f, vec![x.0], Ty::S), x.1);
            }
        };
        (Expr::form(f, vec![x.0], Ty::S), m)
    }

    /// A scalar expression of nesting depth at most `d`.
    fn expr(&mut self, d: usize, lit: bool) -> Val {
        let x = if d == 0 || self.rng.chance(0.2) {
            self.leaf(lit)
        } else if self.rng.chance(0.45) {
            self.unary(d)
        } else {
            self.binary(d)
        };
        self.squash(x, BIG)
    }

    fn callable(&self, floats: usize) -> Vec<usize> {
        let ok = |c: &Callee| c.floats == floats && (!self.order2 || c.order2) && (!c.has_n || !self.ints.is_empty());
        (0..self.callees.len()).filter(|&i| ok(&self.callees[i])).collect()
    }

    /// `name(args.., k)` for a callee, with its arguments squashed to its inputs' range.
    fn call(&mut self, i: usize, args: Vec<Val>) -> Val {
        let c = self.callees[i].clone();
        let mut floats = 0..;
        let mut holes = Vec::new();
        for &float in &c.sig {
            holes.push(if float {
                format!("${}", floats.next().unwrap())
            } else {
                let k = self.ints[self.rng.below(self.ints.len())].0.clone();
                format!("{k}.min(3)")
            });
        }
        let args = args.into_iter().map(|a| self.squash(a, 1.5).0).collect();
        if !self.used.contains(&c.index) {
            self.used.push(c.index);
        }
        (Expr::form(format!("{}({})", c.name, holes.join(", ")), args, Ty::S), c.bound)
    }

    fn unary(&mut self, d: usize) -> Val {
        let calls = self.callable(1);
        if !calls.is_empty() && self.rng.chance(0.1) {
            let x = self.expr(d - 1, false);
            let i = calls[self.rng.below(calls.len())];
            return self.call(i, vec![x]);
        }
        let (mut f, mut lim, mut bound) = UNARY[self.rng.below(UNARY.len())];
        // Not in `order = 2` functions: a value from a method without a derivative is a jet
        // in their jet copy and cannot be passed to a call there (a known limitation, see the
        // README).
        while self.order2 && (f.contains("floor()") || f.contains("round()")) {
            (f, lim, bound) = UNARY[self.rng.below(UNARY.len())];
        }
        // A form that repeats its argument takes a leaf, to keep the text small.
        let x = if f.matches("$0").count() > 1 { self.leaf(false) } else { self.expr(d - 1, false) };
        let x = self.squash(x, lim);
        (Expr::form(f, vec![x.0], Ty::S), bound(x.1))
    }

    fn binary(&mut self, d: usize) -> Val {
        let calls = self.callable(2);
        if !calls.is_empty() && self.rng.chance(0.12) {
            let (x, y) = (self.expr(d - 1, false), self.expr(d - 1, false));
            let i = calls[self.rng.below(calls.len())];
            return self.call(i, vec![x, y]);
        }
        let (f, lim, bound) = BINARY[self.rng.below(BINARY.len())];
        let x = self.expr(d - 1, !f.contains("$0."));
        // Two bare literals would make a float of ambiguous type.
        let lit = !f.contains("$1.") && !matches!(x.0, Expr::Lit(_));
        let y = if f.matches("$1").count() > 1 { self.leaf(false) } else { self.expr(d - 1, lit) };
        let (x, y) = (self.squash(x, lim), self.squash(y, lim));
        (Expr::form(f, vec![x.0, y.0], Ty::S), bound(x.1, y.1))
    }

    /// `x` itself if its bound is at most `lim`, else a bounded function of it.
    fn squash(&mut self, x: Val, lim: f64) -> Val {
        if x.1 <= lim {
            return x;
        }
        let scale = [0.5, 0.25, 0.1, 0.05, 0.01].into_iter().find(|s| s * x.1 <= lim);
        let ty = x.0.ty();
        if ty.is_array() {
            let (f, m) = match (self.rng.below(3), scale) {
                (0, Some(s)) => (format!("@0 * {s:?}"), x.1 * s),
                (1, _) if x.1 <= 40.0 => ("$0.mapv(f64::sin)".to_string(), 1.0),
                _ => ("$0.mapv(f64::tanh)".to_string(), 1.0),
            };
            return (Expr::form(f, vec![x.0], ty), m);
        }
        let (f, m) = match (self.rng.below(4), scale) {
            (1, _) if lim >= 1.6 => ("$0.atan()".to_string(), 1.6),
            (2, _) if x.1 <= 40.0 => ("$0.sin()".to_string(), 1.0),
            (3, Some(s)) => (format!("$0 * {s:?}"), x.1 * s),
            _ => ("$0.tanh()".to_string(), 1.0),
        };
        (Expr::form(f, vec![x.0], Ty::S), m)
    }

    /// An array variable of type `ty`, or one made from the parameters (which always include a
    /// matrix and a vector of length `C`).
    fn array_leaf(&mut self, ty: Ty) -> Val {
        if let Some(v) = self.pick_var(ty) {
            return (v.expr(), v.m);
        }
        let m = self.pick_var(Ty::M).expect("array functions take a matrix");
        let (f, bound) = match ty {
            Ty::Vr => ("$0.sum_axis(Axis(1))", self.shape.1 as f64 * m.m),
            _ => ("$0.sum_axis(Axis(0))", self.shape.0 as f64 * m.m),
        };
        (Expr::form(f, vec![m.expr()], ty), bound)
    }

    /// An array expression of type `ty` and nesting depth at most `d`.
    fn array_expr(&mut self, ty: Ty, d: usize) -> Val {
        let (r, c) = (self.shape.0 as f64, self.shape.1 as f64);
        let x = if d == 0 || self.rng.chance(0.2) {
            self.array_leaf(ty)
        } else {
            match self.rng.below(10) {
                0..=2 => {
                    if self.rng.chance(0.25) {
                        // A closure whose scalar body is differentiated elementwise.
                        let x = self.array_expr(ty, d - 1);
                        let x = self.squash(x, SMALL);
                        let body = self.closure_body(x.1);
                        let f = format!("$0.mapv(|v| {})", body.0.print());
                        (Expr::form(f, vec![x.0], ty), body.1)
                    } else {
                        let (f, lim, bound) = ARRAY_UNARY[self.rng.below(ARRAY_UNARY.len())];
                        let x =
                            if f.matches("@0").count() > 1 { self.array_leaf(ty) } else { self.array_expr(ty, d - 1) };
                        let x = self.squash(x, lim);
                        (Expr::form(f, vec![x.0], ty), bound(x.1))
                    }
                }
                3..=6 => self.array_binary(ty, d),
                _ => match ty {
                    Ty::Vc => match self.rng.below(4) {
                        0 => {
                            let m = self.array_expr(Ty::M, d - 1);
                            (Expr::form("$0.sum_axis(Axis(0))", vec![m.0], ty), r * m.1)
                        }
                        1 => {
                            let m = self.array_expr(Ty::M, d - 1);
                            (Expr::form("$0.mean_axis(Axis(0)).unwrap()", vec![m.0], ty), m.1)
                        }
                        2 => {
                            let (v, m) = (self.array_expr(Ty::Vr, d - 1), self.array_expr(Ty::M, d - 1));
                            (Expr::form("$0.dot(@1)", vec![v.0, m.0], ty), r * v.1 * m.1)
                        }
                        _ => {
                            let (m, v) = (self.array_leaf(Ty::M), self.array_expr(Ty::Vr, d - 1));
                            (Expr::form("$0.t().dot(@1)", vec![m.0, v.0], ty), r * v.1 * m.1)
                        }
                    },
                    Ty::Vr => match self.rng.below(3) {
                        0 => {
                            let m = self.array_expr(Ty::M, d - 1);
                            (Expr::form("$0.sum_axis(Axis(1))", vec![m.0], ty), c * m.1)
                        }
                        1 => {
                            let m = self.array_expr(Ty::M, d - 1);
                            (Expr::form("$0.mean_axis(Axis(1)).unwrap()", vec![m.0], ty), m.1)
                        }
                        _ => {
                            let (m, v) = (self.array_expr(Ty::M, d - 1), self.array_expr(Ty::Vc, d - 1));
                            (Expr::form("$0.dot(@1)", vec![m.0, v.0], ty), c * v.1 * m.1)
                        }
                    },
                    _ => {
                        let (u, v) = (self.array_expr(Ty::Vr, d - 1), self.array_expr(Ty::Vc, d - 1));
                        (Expr::form("$0.outer(@1)", vec![u.0, v.0], ty), u.1 * v.1)
                    }
                },
            }
        };
        self.squash(x, BIG)
    }

    /// `a ∘ b` for arrays, scalars and rows, broadcasting to `ty`.
    fn array_binary(&mut self, ty: Ty, d: usize) -> Val {
        let pairs: &[(Ty, Ty)] = match ty {
            Ty::M => &[(Ty::M, Ty::M), (Ty::M, Ty::Vc), (Ty::Vc, Ty::M), (Ty::M, Ty::S), (Ty::S, Ty::M)],
            _ => &[(ty, ty), (ty, Ty::S), (Ty::S, ty)],
        };
        let (ta, tb) = self.rng.pick(pairs);
        let hole = |t: Ty, k: usize| if t == Ty::S { format!("${k}") } else { format!("@{k}") };
        let operand = |g: &mut Self, t: Ty, leaf: bool| match (t, leaf) {
            (Ty::S, true) => g.leaf(false),
            (Ty::S, false) => g.expr(d - 1, false),
            (t, true) => g.array_leaf(t),
            (t, false) => g.array_expr(t, d - 1),
        };
        let (a, b) = (hole(ta, 0), hole(tb, 1));
        let (f, div) = match self.rng.below(7) {
            0 | 1 => (format!("{a} + {b}"), false),
            2 => (format!("{a} - {b}"), false),
            3 | 4 => (format!("{a} * {b}"), false),
            5 => (format!("{a} / (1.0 + {b} * {b})"), true),
            _ => (
                format!("{a} / {}", if tb == Ty::S { "$1.cosh()".into() } else { "$1.mapv(f64::cosh)".to_string() }),
                true,
            ),
        };
        let x = operand(self, ta, false);
        let y = operand(self, tb, f.matches(&b).count() > 1);
        let lim = if f.contains("cosh") { 10.0 } else { BIG };
        let (x, y) = (self.squash(x, BIG), self.squash(y, lim));
        let m = if div {
            x.1
        } else if f.contains('*') {
            x.1 * y.1
        } else {
            x.1 + y.1
        };
        (Expr::form(f, vec![x.0, y.0], ty), m)
    }

    /// The body of `mapv(|v| ...)`: a scalar expression of `v` alone.
    fn closure_body(&mut self, m: f64) -> Val {
        let saved = (std::mem::take(&mut self.vars), std::mem::take(&mut self.ints), self.array, self.callees);
        self.vars = vec![Var { name: "v".into(), ty: Ty::S, m, mutable: false, by_ref: false }];
        (self.array, self.callees) = (false, &[]);
        let d = 1 + self.rng.below(2);
        let body = self.expr(d, false);
        let body = match body.0 {
            // `|v| v` is not worth a closure.
            Expr::Var { .. } => (Expr::form("$0.sin()", vec![body.0], Ty::S), 1.0),
            _ => body,
        };
        (self.vars, self.ints, self.array, self.callees) = saved;
        body
    }

    /// A comparison of an expression with a variable or a literal, or a test of an integer.
    fn cond(&mut self) -> Cond {
        if !self.ints.is_empty() && self.rng.chance(0.35) {
            let k = self.ints[self.rng.below(self.ints.len())].0.clone();
            return Cond::Int(self.rng.pick(&["K % 2 == 0", "K == 1", "K > 0"]).replace('K', &k));
        }
        let (x, lit) = (self.expr(1, false).0, self.rng.chance(0.5));
        let y = self.leaf(lit).0;
        let y = match y {
            Expr::Lit(c) if self.rng.chance(0.3) => Expr::Lit(-c),
            y => y,
        };
        Cond::Cmp(x, self.rng.pick(&[">", "<"]), y)
    }

    fn new_name(&mut self) -> String {
        self.fresh += 1;
        // Now and then a name the generated code might use itself.
        match self.rng.below(14) {
            0 => "t0".into(),
            1 => "y_bar".into(),
            2 => format!("{}_dot", self.vars[0].name),
            _ => format!("v{}", self.fresh),
        }
    }

    fn push(&mut self, name: String, ty: Ty, m: f64, mutable: bool) {
        self.vars.push(Var { name, ty, m, mutable, by_ref: false });
    }

    /// A block: an assignment to an outer variable, in a loop now and then a conditional `break`
    /// or `continue`, then `n` statements. Its variables go out of scope at the end.
    fn block(&mut self, n: usize) -> Vec<Stmt> {
        let len = self.vars.len();
        let base = std::mem::replace(&mut self.block_base, len);
        self.depth += 1;
        let mut out = Vec::new();
        out.extend(self.assign());
        if self.in_loop > 0 && self.rng.chance(0.35) {
            let jump = if self.rng.chance(0.5) { Stmt::Break } else { Stmt::Continue };
            out.push(Stmt::If { arms: vec![(Some(self.cond()), vec![jump])] });
        }
        for _ in 0..n {
            out.extend(self.stmt());
        }
        (self.depth, self.block_base) = (self.depth - 1, base);
        self.vars.truncate(len);
        out
    }

    fn stmt(&mut self) -> Vec<Stmt> {
        let nest = self.depth < 3;
        match self.rng.below(20) {
            6..=9 => self.assign(),
            10 | 11 if nest => vec![self.if_stmt()],
            12 | 13 if nest && self.loops < 3 => self.loop_stmt(),
            14 | 15 => vec![self.let_branch()],
            16 => self.tuple(),
            17 => {
                let (c, x) = (self.cond(), self.expr(2, false));
                vec![Stmt::If { arms: vec![(Some(c), vec![Stmt::Return(x.0)])] }]
            }
            18 | 19 if self.array => vec![self.let_array(None)],
            _ => vec![self.let_stmt(None)],
        }
    }

    /// `let` of a new name or a shadowing one.
    fn let_stmt(&mut self, mutable: Option<bool>) -> Stmt {
        let d = 1 + self.rng.below(3);
        let x = self.expr(d, false);
        let x = self.squash(x, CAP);
        let mutable = mutable.unwrap_or_else(|| self.rng.chance(0.4));
        let names: Vec<String> = self
            .visible(|v| v.ty == Ty::S && !v.name.contains('.') && !v.by_ref)
            .into_iter()
            .map(|i| self.vars[i].name.clone())
            .collect();
        let shadow = self.rng.chance(0.2) && !names.is_empty();
        let name = if shadow { names[self.rng.below(names.len())].clone() } else { self.new_name() };
        self.push(name.clone(), Ty::S, x.1, mutable);
        Stmt::Let { name, mutable, init: x.0 }
    }

    /// `let a = <array>;`, of a random shape.
    fn let_array(&mut self, mutable: Option<bool>) -> Stmt {
        let ty = self.rng.pick(&[Ty::Vr, Ty::Vc, Ty::M, Ty::Vc]);
        let d = 1 + self.rng.below(3);
        let x = self.array_expr(ty, d);
        let x = self.squash(x, CAP);
        let mutable = mutable.unwrap_or_else(|| self.rng.chance(0.4));
        self.fresh += 1;
        let name = format!("a{}", self.fresh);
        self.push(name.clone(), ty, x.1, mutable);
        Stmt::Let { name, mutable, init: x.0 }
    }

    /// `=`, `+=`, `-=`, `*=` or `/=` to a `let mut` (a scalar, an array, or an element).
    fn assign(&mut self) -> Vec<Stmt> {
        let targets = self.visible(|v| v.mutable);
        if targets.is_empty() {
            return vec![if self.array && self.rng.chance(0.5) {
                self.let_array(Some(true))
            } else {
                self.let_stmt(Some(true))
            }];
        }
        let i = targets[self.rng.recent(targets.len())];
        let (name, ty, m) = (self.vars[i].name.clone(), self.vars[i].ty, self.vars[i].m);
        let d = 1 + self.rng.below(2);
        if ty.is_array() {
            if ty != Ty::M && self.rng.chance(0.25) {
                let k = self.rng.below(self.len(ty));
                let x = self.expr(d, false);
                let x = self.squash(x, if self.in_loop > 0 { SMALL } else { CAP });
                self.vars[i].m = m.max(x.1);
                return vec![Stmt::SetElem { name, index: k.to_string(), value: x.0 }];
            }
            let x = self.array_expr(ty, d);
            let (op, x, m) = match self.rng.below(4) {
                0 | 1 => {
                    let x = self.squash(x, if self.in_loop > 0 { SMALL } else { CAP });
                    ("=", x.0, x.1)
                }
                2 => {
                    let x = self.squash(x, if self.in_loop > 0 { 1.6 } else { (CAP - m).max(1.6) });
                    (self.rng.pick(&["+=", "-="]), x.0, m + x.1)
                }
                _ => ("*=", self.squash(x, 1.0).0, m),
            };
            self.vars[i].m = m;
            return vec![Stmt::Assign { name, op, value: x }];
        }
        let x = self.expr(d, false);
        let (op, x, m) = match self.rng.below(6) {
            0 | 1 => {
                let x = self.squash(x, if self.in_loop > 0 { SMALL } else { CAP });
                ("=", x.0, x.1)
            }
            2 | 3 => {
                let x = self.squash(x, if self.in_loop > 0 { 1.6 } else { (CAP - m).max(1.6) });
                (self.rng.pick(&["+=", "-="]), x.0, m + x.1)
            }
            4 => ("*=", self.squash(x, 1.0).0, m),
            _ => ("/=", Expr::form("2.0 + $0.sin()", vec![self.squash(x, 10.0).0], Ty::S), m),
        };
        self.vars[i].m = m;
        vec![Stmt::Assign { name, op, value: x }]
    }

    /// `if` / `else if` / `else`; an outer variable ends with the largest bound of any arm.
    fn if_stmt(&mut self) -> Stmt {
        let before = self.vars.clone();
        let n = 1 + self.rng.below(3);
        let mut arms = Vec::new();
        for k in 0..n {
            let cond = if k > 0 && k + 1 == n && self.rng.chance(0.7) { None } else { Some(self.cond()) };
            let vars = std::mem::replace(&mut self.vars, before.clone());
            let len = self.rng.below(2);
            arms.push((cond, self.block(len)));
            for (v, w) in self.vars.iter_mut().zip(vars) {
                v.m = v.m.max(w.m);
            }
        }
        Stmt::If { arms }
    }

    /// `let v = if .. { .. } else { .. };` or `let v = match k { .. };`, of a scalar or an array.
    fn let_branch(&mut self) -> Stmt {
        let ty = if self.array && self.rng.chance(0.4) { self.rng.pick(&[Ty::Vr, Ty::Vc, Ty::M]) } else { Ty::S };
        let arms: Vec<Val> =
            (0..3).map(|_| if ty == Ty::S { self.expr(2, false) } else { self.array_expr(ty, 2) }).collect();
        let m = arms.iter().fold(0.0f64, |m, x| x.1.max(m));
        let mut args: Vec<Expr> = arms.into_iter().map(|x| x.0).collect();
        let form = if !self.ints.is_empty() && self.rng.chance(0.4) {
            let k = self.ints[self.rng.below(self.ints.len())].0.clone();
            format!("match {k} {{ 0 => $0, 1 | 2 => $1, _ => $2 }}")
        } else {
            args.truncate(2);
            match self.cond() {
                Cond::Int(c) => format!("if {c} {{ $0 }} else {{ $1 }}"),
                Cond::Cmp(a, op, b) => {
                    args.extend([a, b]);
                    format!("if $2 {op} $3 {{ $0 }} else {{ $1 }}")
                }
            }
        };
        let name = if ty == Ty::S {
            self.new_name()
        } else {
            self.fresh += 1;
            format!("a{}", self.fresh)
        };
        self.push(name.clone(), ty, m, false);
        Stmt::Let { name, mutable: false, init: Expr::form(form, args, ty) }
    }

    /// A tuple built and indexed, destructured, or two variables swapped.
    fn tuple(&mut self) -> Vec<Stmt> {
        let (x, y) = (self.expr(1, false), self.expr(1, false));
        let (p, q) = (self.new_name(), format!("v{}", self.fresh + 1));
        self.fresh += 1;
        let swap = self.visible(|v| v.mutable && v.ty == Ty::S);
        match self.rng.below(3) {
            0 => {
                self.push(format!("{q}.0"), Ty::S, x.1, false);
                self.push(format!("{q}.1"), Ty::S, y.1, false);
                vec![Stmt::Let { name: q, mutable: false, init: Expr::form("($0, $1)", vec![x.0, y.0], Ty::Pair) }]
            }
            1 if swap.len() >= 2 => {
                let (i, j) = (swap[swap.len() - 1], swap[swap.len() - 2]);
                let names = [self.vars[i].name.clone(), self.vars[j].name.clone()];
                (self.vars[i].m, self.vars[j].m) = (self.vars[j].m, self.vars[i].m);
                vec![Stmt::Swap(names)]
            }
            _ => {
                self.push(p.clone(), Ty::S, x.1, false);
                self.push(q.clone(), Ty::S, y.1, false);
                vec![Stmt::LetPair { names: [p, q], init: Expr::form("($0, $1)", vec![x.0, y.0], Ty::Pair) }]
            }
        }
    }

    /// A `for` loop over `0..n` or a short constant range, or a `while` or `loop` with a
    /// counter, carrying state in an outer `let mut`.
    fn loop_stmt(&mut self) -> Vec<Stmt> {
        let mut out = Vec::new();
        if self.visible(|v| v.mutable).is_empty() {
            out.extend(self.assign());
        }
        let k = ["i", "j", "k"][self.in_loop].to_string();
        let has_n = self.ints.iter().any(|i| i.0 == "n");
        let (kind, max) = match self.rng.below(8) {
            0 | 1 if has_n => (LoopKind::For { var: k.clone(), range: "0..n".into() }, 2),
            2 if has_n => (LoopKind::For { var: k.clone(), range: "(0..n).rev()".into() }, 2),
            3 => (LoopKind::For { var: k.clone(), range: "(0..5).step_by(2)".into() }, 4),
            4 => (LoopKind::For { var: k.clone(), range: "1..=3".into() }, 3),
            5 => (LoopKind::While { counter: k.clone(), bound: 3 }, 3),
            6 => (LoopKind::Loop { counter: k.clone(), bound: 2 }, 3),
            _ => (LoopKind::For { var: k.clone(), range: "0..3".into() }, 2),
        };
        // Inside, a carried variable may have any value up to `CAP`.
        for v in self.vars.iter_mut().filter(|v| v.mutable) {
            v.m = v.m.max(CAP);
        }
        (self.loops, self.in_loop) = (self.loops + 1, self.in_loop + 1);
        self.ints.push((k, max));
        let n = self.rng.below(3);
        let body = self.block(n);
        self.ints.pop();
        self.in_loop -= 1;
        out.push(Stmt::Loop { kind, body });
        out
    }
}

/// What kind of function to generate.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Scalar,
    Array,
}

/// Function `name`, from its own stream of random numbers; it may call `callees`.
pub fn function(rng: &mut Rng, name: &str, kind: Kind, order2: bool, callees: &[Callee]) -> (Function, f64) {
    let array = kind == Kind::Array;
    let shape = (1 + rng.below(3), 2 + rng.below(3));
    let mut g = Gen {
        rng,
        vars: Vec::new(),
        ints: Vec::new(),
        depth: 0,
        loops: 0,
        in_loop: 0,
        block_base: 0,
        fresh: 0,
        callees,
        used: Vec::new(),
        array,
        shape,
        order2,
    };
    let mut params: Vec<(String, Param)> = Vec::new();
    if array {
        params.push(("m".into(), Param::Array { ty: Ty::M, by_ref: true }));
        params.push(("a".into(), Param::Array { ty: Ty::Vc, by_ref: g.rng.chance(0.8) }));
        if g.rng.chance(0.5) {
            let ty = g.rng.pick(&[Ty::Vr, Ty::Vc]);
            params.push(("b".into(), Param::Array { ty, by_ref: g.rng.chance(0.5) }));
        }
        params.push(("x".into(), Param::F64));
    } else {
        for p in ["x", "y", "z"][..1 + g.rng.below(3)].iter() {
            params.push((p.to_string(), Param::F64));
        }
    }
    if g.rng.chance(0.5) {
        let at = g.rng.below(params.len() + 1);
        params.insert(at, ("n".into(), Param::Usize));
        g.ints.push(("n".into(), 3));
    }
    for (name, p) in &params {
        let (ty, by_ref) = match p {
            Param::F64 => (Ty::S, false),
            Param::Usize => continue,
            Param::Array { ty, by_ref } => (*ty, *by_ref),
        };
        g.vars.push(Var { name: name.clone(), ty, m: 1.5, mutable: false, by_ref });
    }
    let mut body = Vec::new();
    for _ in 0..3 + g.rng.below(5) {
        body.extend(g.stmt());
    }
    let x = g.expr(2, false);
    let last = g.vars.last().expect("parameters are in scope").clone();
    let (last, m) = if last.ty == Ty::S {
        (last.expr(), last.m)
    } else {
        let n = g.len(last.ty) as f64;
        (Expr::form("$0.sum()", vec![last.expr()], Ty::S), n * last.m)
    };
    let ret = Expr::form("$0 + $1", vec![x.0, last], Ty::S);
    // An early `return` gives at most `BIG`.
    let bound = (x.1 + m).max(BIG);
    let mut callees = g.used.clone();
    callees.sort();
    (Function { name: name.to_string(), params, shape, body, ret, order2, callees }, bound)
}
