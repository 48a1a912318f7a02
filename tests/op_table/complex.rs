//! Entries of complex rules, written once for `Complex64` and `Complex32`: complex operands
//! with complex or real ones, real parts of complex values, the FFTs (of real and complex
//! arrays). Domains keep `ln`, `sqrt`, `powf` and `arg` off their branch cut (the negative
//! real axis) and divisors off zero.

use super::harness::{away, cspan, span};
use super::{Entry, Rng, Sample};
use autodiff_runtime::ndarray::{Array1, Array2, Array3, Axis};
use autodiff_runtime::{Complex32, Complex64, ComplexMath, FftExt, differentiable};

macro_rules! complex_entries {
    ($t:ident, $c:ident, $m:ident) => {
        pub mod $m {
            use super::*;

            op!(complex $c; add, "add", (z dz: [$c] = [] in cspan((-2.0, 2.0), (-2.0, 2.0)), w dw: [$c] = [] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [$c] { z + w });
            op!(complex $c; add_real, "add", (z dz: [$c] = [] in cspan((-2.0, 2.0), (-2.0, 2.0)), x dx: [$t] = [] in span(-2.0, 2.0)) -> [$c] { x + z });
            op!(complex $c; add_arrays, "add", (z dz: [Array1<$c>] = [3] in cspan((-2.0, 2.0), (-2.0, 2.0)), x dx: [Array1<$t>] = [3] in span(-2.0, 2.0)) -> [Array1<$c>] { z + x });
            op!(complex $c; sub, "sub", (z dz: [$c] = [] in cspan((-2.0, 2.0), (-2.0, 2.0)), x dx: [$t] = [] in span(-2.0, 2.0)) -> [$c] { z - x });
            op!(complex $c; sub_arrays, "sub", (z dz: [Array1<$c>] = [3] in cspan((-2.0, 2.0), (-2.0, 2.0)), w dw: [Array1<$c>] = [3] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [Array1<$c>] { z - w });
            op!(complex $c; mul, "mul", (z dz: [$c] = [] in cspan((-2.0, 2.0), (-2.0, 2.0)), w dw: [$c] = [] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [$c] { z * w });
            op!(complex $c; mul_real, "mul", (x dx: [$t] = [] in span(-2.0, 2.0), z dz: [$c] = [] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [$c] { x * z });
            op!(complex $c; mul_arrays, "mul", (z dz: [Array2<$c>] = [2, 3] in cspan((-2.0, 2.0), (-2.0, 2.0)), w dw: [Array2<$c>] = [2, 3] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [Array2<$c>] { z * w });
            op!(complex $c; div, "div", (z dz: [$c] = [] in cspan((-2.0, 2.0), (-2.0, 2.0)), w dw: [$c] = [] in cspan((0.5, 2.0), (0.5, 2.0))) -> [$c] { z / w });
            op!(complex $c; div_real, "div", (x dx: [$t] = [] in span(-2.0, 2.0), w dw: [$c] = [] in cspan((0.5, 2.0), (-2.0, -0.5))) -> [$c] { x / w });
            op!(complex $c; div_arrays, "div", (z dz: [Array1<$c>] = [3] in cspan((-2.0, 2.0), (-2.0, 2.0)), x dx: [Array1<$t>] = [3] in away(0.5, 2.0)) -> [Array1<$c>] { z / x });
            op!(complex $c; neg, "neg", (z dz: [$c] = [] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [$c] { -z });
            op!(complex $c; neg_array, "neg", (z dz: [Array1<$c>] = [3] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [Array1<$c>] { -z });
            op!(complex $c; exp, "exp", (z dz: [$c] = [] in cspan((-1.0, 1.0), (-3.0, 3.0))) -> [$c] { z.exp() });
            op!(complex $c; ln, "ln", (z dz: [$c] = [] in cspan((0.3, 2.0), (-2.0, 2.0))) -> [$c] { z.ln() });
            op!(complex $c; sqrt, "sqrt", (z dz: [$c] = [] in cspan((0.3, 2.0), (-2.0, 2.0))) -> [$c] { z.sqrt() });
            op!(complex $c; powf, "powf", (z dz: [$c] = [] in cspan((0.3, 2.0), (-2.0, 2.0)), p dp: [$t] = [] in span(0.5, 2.5)) -> [$c] { z.powf(p) });
            op!(complex $c; conj, "conj", (z dz: [$c] = [] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [$c] { z.conj() });
            op!(complex $c; conj_array, "conj", (z dz: [Array1<$c>] = [3] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [Array1<$c>] { z.conj() });
            op!(complex $c; re, "re", (z dz: [$c] = [] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [$t] { z.re * z.re });
            op!(complex $c; re_array, "re", (z dz: [Array1<$c>] = [3] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [Array1<$t>] { z.re() });
            op!(complex $c; im, "im", (z dz: [$c] = [] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [$t] { z.im * z.re });
            op!(complex $c; im_array, "im", (z dz: [Array1<$c>] = [3] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [Array1<$t>] { z.im() });
            op!(complex $c; norm, "norm", (z dz: [$c] = [] in cspan((0.3, 2.0), (-2.0, 2.0))) -> [$t] { z.norm() });
            op!(complex $c; norm_array, "norm", (z dz: [Array1<$c>] = [3] in cspan((0.3, 2.0), (-2.0, 2.0))) -> [Array1<$t>] { z.norm() });
            op!(complex $c; norm_sqr, "norm_sqr", (z dz: [$c] = [] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [$t] { z.norm_sqr() });
            op!(complex $c; norm_sqr_array, "norm_sqr", (z dz: [Array1<$c>] = [3] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [Array1<$t>] { z.norm_sqr() });
            op!(complex $c; arg, "arg", (z dz: [$c] = [] in cspan((0.3, 2.0), (-2.0, 2.0))) -> [$t] { z.arg() });
            op!(complex $c; arg_array, "arg", (z dz: [Array1<$c>] = [3] in cspan((0.3, 2.0), (-2.0, 2.0))) -> [Array1<$t>] { z.arg() });
            op!(complex $c; from_real, "from_real", (x dx: [$t] = [] in span(-2.0, 2.0)) -> [$c] { $c::from(x) * $c::new(0.5, -1.5) });
            op!(complex $c; complex_new, "complex_new", (a da: [$t] = [] in span(-2.0, 2.0), b db: [$t] = [] in span(-2.0, 2.0)) -> [$c] { $c::new(a, b) });
            op!(complex $c; from_polar, "from_polar", (r dr: [$t] = [] in span(0.3, 2.0), theta dtheta: [$t] = [] in span(-3.0, 3.0)) -> [$c] { $c::from_polar(r, theta) });
            op!(complex $c; mapv_holomorphic, "mapv", (z dz: [Array1<$c>] = [3] in cspan((-1.0, 1.0), (-1.0, 1.0))) -> [Array1<$c>] { z.mapv(|v| v * v.exp() + 0.5) });
            op!(complex $c; mapv_real, "mapv", (z dz: [Array1<$c>] = [3] in cspan((-1.0, 1.0), (-1.0, 1.0))) -> [Array1<$t>] { z.mapv(|v| v.norm_sqr() + v.re * v.im) });

            // FFTs of complex arrays, and of real arrays (the same rules, a real input).
            op!(complex $c; fft, "fft", (z dz: [Array1<$c>] = [6] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [Array1<$c>] { z.fft() });
            op!(complex $c; fft_real, "fft", (x dx: [Array1<$t>] = [5] in span(-2.0, 2.0)) -> [Array1<$c>] { x.fft() });
            op!(complex $c; ifft, "ifft", (z dz: [Array2<$c>] = [2, 5] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [Array2<$c>] { z.ifft() });
            op!(complex $c; fft_axis, "fft_axis", (z dz: [Array2<$c>] = [4, 3] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [Array2<$c>] { z.fft_axis(Axis(0)) });
            op!(complex $c; ifft_axis, "ifft_axis", (x dx: [Array2<$t>] = [4, 3] in span(-2.0, 2.0)) -> [Array2<$c>] { x.ifft_axis(Axis(0)) });
            op!(complex $c; fft2, "fft2", (z dz: [Array2<$c>] = [4, 3] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [Array2<$c>] { z.fft2() });
            op!(complex $c; ifft2, "ifft2", (z dz: [Array2<$c>] = [3, 4] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [Array2<$c>] { z.ifft2() });
            op!(complex $c; fftn, "fftn", (z dz: [Array3<$c>] = [2, 3, 2] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [Array3<$c>] { z.fftn() });
            op!(complex $c; ifftn, "ifftn", (z dz: [Array3<$c>] = [3, 2, 2] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [Array3<$c>] { z.ifftn() });
            op!(complex $c; fftshift, "fftshift", (z dz: [Array2<$c>] = [3, 4] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [Array2<$c>] { z.fftshift() });
            op!(complex $c; ifftshift, "ifftshift", (z dz: [Array2<$c>] = [3, 5] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [Array2<$c>] { z.ifftshift() });
            op!(complex $c; fftshift_axes, "fftshift_axes", (z dz: [Array2<$c>] = [3, 4] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [Array2<$c>] { z.fftshift_axes(&[Axis(0)]) });
            op!(complex $c; ifftshift_axes, "ifftshift_axes", (z dz: [Array2<$c>] = [3, 5] in cspan((-2.0, 2.0), (-2.0, 2.0))) -> [Array2<$c>] { z.ifftshift_axes(&[Axis(1)]) });

            pub fn entries() -> Vec<Entry> {
                vec![
                    add::entry(), add_real::entry(), add_arrays::entry(), sub::entry(), sub_arrays::entry(),
                    mul::entry(), mul_real::entry(), mul_arrays::entry(), div::entry(), div_real::entry(),
                    div_arrays::entry(), neg::entry(), neg_array::entry(), exp::entry(), ln::entry(),
                    sqrt::entry(), powf::entry(), conj::entry(), conj_array::entry(), re::entry(),
                    re_array::entry(), im::entry(), im_array::entry(), norm::entry(), norm_array::entry(),
                    norm_sqr::entry(), norm_sqr_array::entry(), arg::entry(), arg_array::entry(),
                    from_real::entry(), complex_new::entry(), from_polar::entry(),
                    mapv_holomorphic::entry(), mapv_real::entry(),
                    fft::entry(), fft_real::entry(), ifft::entry(), fft_axis::entry(), ifft_axis::entry(),
                    fft2::entry(), ifft2::entry(), fftn::entry(), ifftn::entry(), fftshift::entry(),
                    ifftshift::entry(), fftshift_axes::entry(), ifftshift_axes::entry(),
                ]
            }
        }
    };
}

complex_entries!(f64, Complex64, double);
complex_entries!(f32, Complex32, single);

/// The complex entries of both precisions.
pub fn entries() -> Vec<Entry> {
    let mut e = double::entries();
    e.extend(single::entries());
    e
}
