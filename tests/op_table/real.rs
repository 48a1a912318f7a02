//! Entries of real rules, written once for `f64` and `f32`. Domains keep the difference
//! stencils away from poles, kinks and ties (the edges themselves are `tests/ops_scalar.rs`'s).

use super::harness::{Domain, Flat, away, span};
use super::{Entry, Rng, Sample};
use autodiff_runtime::ndarray::{Array1, Array2, Array3, Axis, concatenate, s, stack};
use autodiff_runtime::{ArrayExt, ArrayMath, LinalgExt, Outer, Parameters, differentiable};
use std::ops::Index;

/// Square matrices with elements in `lo..hi` and `shift` added to the diagonal: invertible,
/// well conditioned.
fn dominant(lo: f64, hi: f64, shift: f64) -> Domain {
    Domain::Dominant(lo, hi, shift)
}

/// Elements in `lo..hi`, far enough apart that the difference stencils see no ties.
fn apart(lo: f64, hi: f64) -> Domain {
    Domain::Apart(lo, hi)
}

/// A one-field parameter structure for the `field` rule.
#[derive(Clone, Parameters)]
pub struct Weights64 {
    pub w: Array1<f64>,
}

#[derive(Clone, Parameters)]
pub struct Weights32 {
    pub w: Array1<f32>,
}

/// The elementwise float methods: one scalar entry and one array entry each.
macro_rules! unary {
    ($t:ident; $($name:ident in $dom:expr;)*) => {
        pub mod scalar {
            use super::*;
            $(op!($t; $name, stringify!($name), (x dx: [$t] = [] in $dom) -> $t { x.$name() });)*
        }
        pub mod array {
            use super::*;
            $(op!($t; $name, stringify!($name), (x dx: [Array2<$t>] = [2, 3] in $dom) -> [Array2<$t>] { x.$name() });)*
        }
        fn unary_entries() -> Vec<Entry> {
            vec![$(scalar::$name::entry(), array::$name::entry()),*]
        }
    };
}

macro_rules! real_entries {
    ($t:ident, $m:ident, $weights:ident) => {
        pub mod $m {
            use super::*;

            unary! { $t;
                sin in span(-3.0, 3.0);
                cos in span(-3.0, 3.0);
                tan in span(-1.2, 1.2);
                asin in span(-0.9, 0.9);
                acos in span(-0.9, 0.9);
                atan in span(-3.0, 3.0);
                sinh in span(-2.0, 2.0);
                cosh in span(-2.0, 2.0);
                tanh in span(-2.0, 2.0);
                asinh in span(-3.0, 3.0);
                acosh in span(1.2, 4.0);
                atanh in span(-0.9, 0.9);
                exp in span(-2.0, 2.0);
                exp2 in span(-2.0, 2.0);
                exp_m1 in span(-2.0, 2.0);
                ln in span(0.2, 4.0);
                log2 in span(0.2, 4.0);
                log10 in span(0.2, 4.0);
                ln_1p in span(-0.8, 3.0);
                sqrt in span(0.2, 4.0);
                cbrt in away(0.2, 3.0);
                recip in away(0.3, 3.0);
                abs in away(0.2, 3.0);
            }

            // Linear methods (constant partials) and the other scalar rules.
            op!($t; to_degrees, "to_degrees", (x dx: [$t] = [] in span(-3.0, 3.0)) -> $t { x.to_degrees() });
            op!($t; to_radians, "to_radians", (x dx: [$t] = [] in span(-3.0, 3.0)) -> $t { x.to_radians() });
            op!($t; fract, "fract", (x dx: [$t] = [] in away(0.1, 0.9)) -> $t { x.fract() });
            op!($t; neg, "neg", (x dx: [$t] = [] in span(-3.0, 3.0)) -> $t { -x });
            op!($t; neg_array, "neg", (x dx: [Array2<$t>] = [2, 3] in span(-3.0, 3.0)) -> [Array2<$t>] { -x });
            op!($t; powi, "powi", (x dx: [$t] = [] in away(0.3, 2.0)) -> $t { x.powi(3) + x.powi(-2) });
            op!($t; powf, "powf", (a da: [$t] = [] in span(0.3, 3.0), b db: [$t] = [] in span(-2.0, 2.0)) -> $t { a.powf(b) });
            op!($t; log, "log", (a da: [$t] = [] in span(0.3, 4.0), b db: [$t] = [] in span(1.5, 4.0)) -> $t { a.log(b) });
            op!($t; atan2, "atan2", (a da: [$t] = [] in away(0.3, 2.0), b db: [$t] = [] in span(0.2, 2.0)) -> $t { a.atan2(b) });
            op!($t; hypot, "hypot", (a da: [$t] = [] in away(0.3, 2.0), b db: [$t] = [] in span(-2.0, 2.0)) -> $t { a.hypot(b) });
            op!($t; max, "max", (a da: [$t] = [] in span(-2.0, -0.5), b db: [$t] = [] in span(0.5, 2.0)) -> $t { a.max(b) + b.max(a) });
            op!($t; min, "min", (a da: [$t] = [] in span(-2.0, -0.5), b db: [$t] = [] in span(0.5, 2.0)) -> $t { a.min(b) + b.min(a) });
            op!($t; mul_add, "mul_add", (a da: [$t] = [] in span(-2.0, 2.0), b db: [$t] = [] in span(-2.0, 2.0), c dc: [$t] = [] in span(-2.0, 2.0)) -> $t { a.mul_add(b, c) });
            op!($t; clamp_inside, "clamp", (x dx: [$t] = [] in span(-1.0, 1.0), lo dlo: [$t] = [] in span(-3.0, -2.0), hi dhi: [$t] = [] in span(2.0, 3.0)) -> $t { x.clamp(lo, hi) });
            op!($t; clamp_below, "clamp", (x dx: [$t] = [] in span(-3.0, -2.0), lo dlo: [$t] = [] in span(-1.5, -1.0), hi dhi: [$t] = [] in span(1.0, 1.5)) -> $t { x.clamp(lo, hi) });
            op!($t; clamp_above, "clamp", (x dx: [$t] = [] in span(2.0, 3.0), lo dlo: [$t] = [] in span(-1.5, -1.0), hi dhi: [$t] = [] in span(1.0, 1.5)) -> $t { x.clamp(lo, hi) });

            // Arithmetic: scalars, arrays of one shape, broadcasting, arrays with scalars.
            pub mod arith {
                use super::*;
                op!($t; add, "add", (a da: [$t] = [] in span(-2.0, 2.0), b db: [$t] = [] in span(-2.0, 2.0)) -> $t { a + b });
                op!($t; sub, "sub", (a da: [$t] = [] in span(-2.0, 2.0), b db: [$t] = [] in span(-2.0, 2.0)) -> $t { a - b });
                op!($t; mul, "mul", (a da: [$t] = [] in span(-2.0, 2.0), b db: [$t] = [] in span(-2.0, 2.0)) -> $t { a * b });
                op!($t; div, "div", (a da: [$t] = [] in span(-2.0, 2.0), b db: [$t] = [] in away(0.5, 2.0)) -> $t { a / b });
                op!($t; add_arrays, "add", (a da: [Array2<$t>] = [2, 3] in span(-2.0, 2.0), b db: [Array1<$t>] = [3] in span(-2.0, 2.0)) -> [Array2<$t>] { a + b });
                op!($t; sub_arrays, "sub", (a da: [Array1<$t>] = [3] in span(-2.0, 2.0), b db: [Array2<$t>] = [2, 3] in span(-2.0, 2.0)) -> [Array2<$t>] { a - b });
                op!($t; mul_arrays, "mul", (a da: [Array2<$t>] = [2, 3] in span(-2.0, 2.0), b db: [Array2<$t>] = [2, 1] in span(-2.0, 2.0)) -> [Array2<$t>] { a * b });
                op!($t; div_arrays, "div", (a da: [Array2<$t>] = [2, 3] in span(-2.0, 2.0), b db: [Array2<$t>] = [2, 3] in away(0.5, 2.0)) -> [Array2<$t>] { a / b });
                op!($t; add_scalar, "add", (a da: [Array1<$t>] = [3] in span(-2.0, 2.0), b db: [$t] = [] in span(-2.0, 2.0)) -> [Array1<$t>] { a + b });
                op!($t; sub_scalar, "sub", (a da: [$t] = [] in span(-2.0, 2.0), b db: [Array1<$t>] = [3] in span(-2.0, 2.0)) -> [Array1<$t>] { a - b });
                op!($t; mul_scalar, "mul", (a da: [$t] = [] in span(-2.0, 2.0), b db: [Array1<$t>] = [3] in span(-2.0, 2.0)) -> [Array1<$t>] { a * b });
                op!($t; div_scalar, "div", (a da: [Array1<$t>] = [3] in span(-2.0, 2.0), b db: [$t] = [] in away(0.5, 2.0)) -> [Array1<$t>] { a / b });
                op!($t; atan2, "atan2", (a da: [Array2<$t>] = [2, 3] in away(0.3, 2.0), b db: [Array1<$t>] = [3] in span(0.2, 2.0)) -> [Array2<$t>] { a.atan2(&b) });
                op!($t; hypot, "hypot", (a da: [Array1<$t>] = [3] in away(0.3, 2.0), b db: [Array1<$t>] = [3] in span(-2.0, 2.0)) -> [Array1<$t>] { a.hypot(&b) });
                op!($t; max, "max", (a da: [Array1<$t>] = [3] in span(-2.0, -0.5), b db: [Array1<$t>] = [3] in span(0.5, 2.0)) -> [Array1<$t>] { a.max(&b) + b.max(&a) });
                op!($t; min, "min", (a da: [Array1<$t>] = [3] in span(-2.0, -0.5), b db: [Array1<$t>] = [3] in span(0.5, 2.0)) -> [Array1<$t>] { a.min(&b) + b.min(&a) });

                pub fn entries() -> Vec<Entry> {
                    vec![
                        add::entry(), sub::entry(), mul::entry(), div::entry(),
                        add_arrays::entry(), sub_arrays::entry(), mul_arrays::entry(), div_arrays::entry(),
                        add_scalar::entry(), sub_scalar::entry(), mul_scalar::entry(), div_scalar::entry(),
                        atan2::entry(), hypot::entry(), max::entry(), min::entry(),
                    ]
                }
            }

            // Reductions.
            op!($t; sum, "sum", (x dx: [Array2<$t>] = [2, 3] in span(-2.0, 2.0)) -> $t { x.sum() });
            op!($t; mean, "mean", (x dx: [Array2<$t>] = [2, 3] in span(-2.0, 2.0)) -> $t { x.mean().unwrap() });
            op!($t; sum_axis, "sum_axis", (x dx: [Array2<$t>] = [2, 3] in span(-2.0, 2.0)) -> [Array1<$t>] { x.sum_axis(Axis(0)) });
            op!($t; mean_axis, "mean_axis", (x dx: [Array2<$t>] = [2, 3] in span(-2.0, 2.0)) -> [Array1<$t>] { x.mean_axis(Axis(1)).unwrap() });
            op!($t; amax, "amax", (x dx: [Array1<$t>] = [5] in apart(-2.0, 2.0)) -> $t { x.amax() });
            op!($t; amin, "amin", (x dx: [Array1<$t>] = [5] in apart(-2.0, 2.0)) -> $t { x.amin() });
            op!($t; norm_l2, "norm_l2", (x dx: [Array2<$t>] = [2, 3] in away(0.2, 2.0)) -> $t { x.norm_l2() });
            op!($t; logsumexp, "logsumexp", (x dx: [Array2<$t>] = [2, 3] in span(-2.0, 2.0)) -> [Array1<$t>] { x.logsumexp(Axis(1)) });
            op!($t; softmax, "softmax", (x dx: [Array2<$t>] = [2, 3] in span(-2.0, 2.0)) -> [Array2<$t>] { x.softmax(Axis(0)) });

            // Products and linear algebra.
            op!($t; dot_vv, "dot", (a da: [Array1<$t>] = [4] in span(-2.0, 2.0), b db: [Array1<$t>] = [4] in span(-2.0, 2.0)) -> $t { a.dot(&b) });
            op!($t; dot_mv, "dot", (a da: [Array2<$t>] = [2, 3] in span(-2.0, 2.0), b db: [Array1<$t>] = [3] in span(-2.0, 2.0)) -> [Array1<$t>] { a.dot(&b) });
            op!($t; dot_vm, "dot", (a da: [Array1<$t>] = [2] in span(-2.0, 2.0), b db: [Array2<$t>] = [2, 3] in span(-2.0, 2.0)) -> [Array1<$t>] { a.dot(&b) });
            op!($t; dot_mm, "dot", (a da: [Array2<$t>] = [2, 3] in span(-2.0, 2.0), b db: [Array2<$t>] = [3, 2] in span(-2.0, 2.0)) -> [Array2<$t>] { a.dot(&b) });
            op!($t; outer, "outer", (a da: [Array1<$t>] = [3] in span(-2.0, 2.0), b db: [Array1<$t>] = [2] in span(-2.0, 2.0)) -> [Array2<$t>] { a.outer(&b) });
            op!($t; inv, "inv", (a da: [Array2<$t>] = [3, 3] in dominant(-0.5, 0.5, 2.0)) -> [Array2<$t>] { a.inv() });
            op!($t; det, "det", (a da: [Array2<$t>] = [3, 3] in dominant(-0.5, 0.5, 2.0)) -> $t { a.det() });
            op!($t; ln_abs_det, "ln_abs_det", (a da: [Array2<$t>] = [3, 3] in dominant(-0.5, 0.5, -2.0)) -> $t { a.ln_abs_det() });
            op!($t; solve_vector, "solve", (a da: [Array2<$t>] = [3, 3] in dominant(-0.5, 0.5, 2.0), b db: [Array1<$t>] = [3] in span(-2.0, 2.0)) -> [Array1<$t>] { a.solve(&b) });
            op!($t; solve_matrix, "solve", (a da: [Array2<$t>] = [3, 3] in dominant(-0.5, 0.5, -2.0), b db: [Array2<$t>] = [3, 2] in span(-2.0, 2.0)) -> [Array2<$t>] { a.solve(&b) });
            // The input made symmetric first (the rule reads one triangle).
            op!($t; cholesky, "cholesky", (a da: [Array2<$t>] = [3, 3] in dominant(-0.3, 0.3, 2.0)) -> [Array2<$t>] { (&a + &a.t()).cholesky() });
            op!($t; convolve_full, "convolve_full", (x dx: [Array1<$t>] = [6] in span(-2.0, 2.0), k dk: [Array1<$t>] = [3] in span(-2.0, 2.0)) -> [Array1<$t>] { x.convolve_full(&k) });
            op!($t; convolve_valid, "convolve_valid", (x dx: [Array1<$t>] = [6] in span(-2.0, 2.0), k dk: [Array1<$t>] = [3] in span(-2.0, 2.0)) -> [Array1<$t>] { x.convolve_valid(&k) });
            op!($t; convolve_same, "convolve_same", (x dx: [Array1<$t>] = [6] in span(-2.0, 2.0), k dk: [Array1<$t>] = [4] in span(-2.0, 2.0)) -> [Array1<$t>] { x.convolve_same(&k) });
            op!($t; convolve2d_full, "convolve2d_full", (x dx: [Array2<$t>] = [4, 5] in span(-2.0, 2.0), k dk: [Array2<$t>] = [2, 3] in span(-2.0, 2.0)) -> [Array2<$t>] { x.convolve2d_full(&k) });
            op!($t; convolve2d_valid, "convolve2d_valid", (x dx: [Array2<$t>] = [4, 5] in span(-2.0, 2.0), k dk: [Array2<$t>] = [2, 3] in span(-2.0, 2.0)) -> [Array2<$t>] { x.convolve2d_valid(&k) });
            op!($t; convolve2d_same, "convolve2d_same", (x dx: [Array2<$t>] = [4, 5] in span(-2.0, 2.0), k dk: [Array2<$t>] = [3, 2] in span(-2.0, 2.0)) -> [Array2<$t>] { x.convolve2d_same(&k) });

            // Shapes, indexing and assignment.
            op!($t; t, "t", (x dx: [Array2<$t>] = [2, 3] in span(-2.0, 2.0)) -> [Array2<$t>] { x.t().to_owned() });
            op!($t; reversed_axes, "reversed_axes", (x dx: [Array3<$t>] = [2, 3, 2] in span(-2.0, 2.0)) -> [Array3<$t>] { x.reversed_axes() });
            op!($t; permuted_axes, "permuted_axes", (x dx: [Array3<$t>] = [2, 3, 2] in span(-2.0, 2.0)) -> [Array3<$t>] { x.permuted_axes([1, 2, 0]) });
            op!($t; insert_axis, "insert_axis", (x dx: [Array1<$t>] = [3] in span(-2.0, 2.0)) -> [Array2<$t>] { x.insert_axis(Axis(1)) });
            op!($t; into_shape_with_order, "into_shape_with_order", (x dx: [Array2<$t>] = [2, 3] in span(-2.0, 2.0)) -> [Array2<$t>] { x.into_shape_with_order((3, 2)).unwrap() });
            op!($t; to_shape, "to_shape", (x dx: [Array2<$t>] = [2, 3] in span(-2.0, 2.0)) -> [Array1<$t>] { x.to_shape(6).unwrap().to_owned() });
            op!($t; slice, "slice", (x dx: [Array2<$t>] = [3, 4] in span(-2.0, 2.0)) -> [Array2<$t>] { x.slice(s![1.., ..;2]).to_owned() });
            op!($t; index_axis, "index_axis", (x dx: [Array2<$t>] = [3, 4] in span(-2.0, 2.0)) -> [Array1<$t>] { x.index_axis(Axis(1), 2).to_owned() });
            op!($t; row, "index_axis", (x dx: [Array2<$t>] = [3, 4] in span(-2.0, 2.0)) -> [Array1<$t>] { x.row(1).to_owned() });
            op!($t; column, "index_axis", (x dx: [Array2<$t>] = [3, 4] in span(-2.0, 2.0)) -> [Array1<$t>] { x.column(3).to_owned() });
            op!($t; select, "select", (x dx: [Array2<$t>] = [3, 4] in span(-2.0, 2.0)) -> [Array2<$t>] { x.select(Axis(1), &[0, 2, 2]) });
            op!($t; element, "element", (x dx: [Array2<$t>] = [3, 4] in span(-2.0, 2.0)) -> $t { x[[1, 2]] * x[[2, 0]] });
            op!($t; index, "index", (x dx: [Array2<$t>] = [3, 4] in span(-2.0, 2.0)) -> $t { x.index([2, 1]) * 2.0 });
            op!($t; set, "set", (x dx: [Array1<$t>] = [4] in span(-2.0, 2.0), v dv: [$t] = [] in span(-2.0, 2.0)) -> [Array1<$t>] { let mut y = x; y[1] = v; y });
            op!($t; set_slice, "set_slice", (x dx: [Array2<$t>] = [3, 4] in span(-2.0, 2.0), v dv: [Array1<$t>] = [2] in span(-2.0, 2.0)) -> [Array2<$t>] {
                let mut y = x;
                y.slice_mut(s![1, 1..3]).assign(&v);
                y
            });
            op!($t; concatenate2, "concatenate2", (a da: [Array2<$t>] = [2, 3] in span(-2.0, 2.0), b db: [Array2<$t>] = [1, 3] in span(-2.0, 2.0)) -> [Array2<$t>] { concatenate(Axis(0), &[a.view(), b.view()]).unwrap() });
            op!($t; concatenate3, "concatenate3", (a da: [Array2<$t>] = [2, 1] in span(-2.0, 2.0), b db: [Array2<$t>] = [2, 2] in span(-2.0, 2.0), c dc: [Array2<$t>] = [2, 1] in span(-2.0, 2.0)) -> [Array2<$t>] { concatenate(Axis(1), &[a.view(), b.view(), c.view()]).unwrap() });
            op!($t; stack2, "stack2", (a da: [Array1<$t>] = [3] in span(-2.0, 2.0), b db: [Array1<$t>] = [3] in span(-2.0, 2.0)) -> [Array2<$t>] { stack(Axis(1), &[a.view(), b.view()]).unwrap() });
            op!($t; stack3, "stack3", (a da: [Array1<$t>] = [2] in span(-2.0, 2.0), b db: [Array1<$t>] = [2] in span(-2.0, 2.0), c dc: [Array1<$t>] = [2] in span(-2.0, 2.0)) -> [Array2<$t>] { stack(Axis(0), &[a.view(), b.view(), c.view()]).unwrap() });
            op!($t; mapv, "mapv", (x dx: [Array2<$t>] = [2, 3] in span(0.2, 2.0)) -> [Array2<$t>] { x.mapv(|v| v.sin() * v.sqrt() + 1.5 / v) });
            op!(first_order $t, "parameter structures are not `order = 2` parameters"; field, "field", (p dp: [$weights] = [3] in span(-2.0, 2.0)) -> [Array1<$t>] { p.w.mapv(|v| v * v) });

            pub fn entries() -> Vec<Entry> {
                let mut e = unary_entries();
                e.extend(arith::entries());
                e.extend([
                    to_degrees::entry(), to_radians::entry(), fract::entry(), neg::entry(), neg_array::entry(),
                    powi::entry(), powf::entry(), log::entry(), atan2::entry(), hypot::entry(), max::entry(),
                    min::entry(), mul_add::entry(), clamp_inside::entry(), clamp_below::entry(),
                    clamp_above::entry(),
                    sum::entry(), mean::entry(), sum_axis::entry(), mean_axis::entry(), amax::entry(),
                    amin::entry(), norm_l2::entry(), logsumexp::entry(), softmax::entry(),
                    dot_vv::entry(), dot_mv::entry(), dot_vm::entry(), dot_mm::entry(), outer::entry(),
                    inv::entry(), det::entry(), ln_abs_det::entry(), solve_vector::entry(),
                    solve_matrix::entry(), cholesky::entry(), convolve_full::entry(),
                    convolve_valid::entry(), convolve_same::entry(), convolve2d_full::entry(),
                    convolve2d_valid::entry(), convolve2d_same::entry(),
                    t::entry(), reversed_axes::entry(), permuted_axes::entry(), insert_axis::entry(),
                    into_shape_with_order::entry(), to_shape::entry(), slice::entry(), index_axis::entry(),
                    row::entry(), column::entry(), select::entry(), element::entry(), index::entry(),
                    set::entry(), set_slice::entry(), concatenate2::entry(), concatenate3::entry(),
                    stack2::entry(), stack3::entry(), mapv::entry(), field::entry(),
                ]);
                e
            }
        }
    };
}

real_entries!(f64, double, Weights64);
real_entries!(f32, single, Weights32);

macro_rules! weights_sample {
    ($($w:ident $t:ident),*) => {$(
        impl Sample for $w {
            fn sample(shape: &[usize], domain: &Domain, rng: &mut Rng) -> Self {
                $w { w: Array1::<$t>::sample(shape, domain, rng) }
            }
        }

        impl Flat for $w {
            const EPSILON: f64 = $t::EPSILON as f64;
            fn push(&self, out: &mut Vec<f64>) {
                self.w.push(out)
            }
            fn rebuild(&self, it: &mut dyn Iterator<Item = f64>) -> Self {
                $w { w: self.w.rebuild(it) }
            }
        }
    )*};
}

weights_sample!(Weights64 f64, Weights32 f32);

/// The real entries of both precisions.
pub fn entries() -> Vec<Entry> {
    let mut e = double::entries();
    e.extend(single::entries());
    e
}
