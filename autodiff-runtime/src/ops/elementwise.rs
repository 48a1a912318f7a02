//! Element-wise functions of one real argument.
//!
//! One line per function: its primal, and its derivative `∂y/∂x` in terms of the input `x`
//! and the output `y`. The forward sweep saves that derivative, so the reverse sweep and
//! forward mode are a multiplication each. Singular points are noted; at them the derivative
//! is the IEEE value of the formula (`inf` or `NaN`), never a silently finite number. Outside
//! a function's domain, where its value is `NaN` (`log2` of a negative number, `atanh(2)`), the
//! derivative is `NaN` too, also where the formula alone would give a finite number; a `NaN`
//! input gives a `NaN` derivative.

unary! {
    /// `y = sin x`; `∂y/∂x = cos x`.
    sin, sin_jvp, sin_vjp at 0.7: |x, y| x.sin() => x.cos();
    /// `y = cos x`; `∂y/∂x = −sin x`.
    cos, cos_jvp, cos_vjp at 0.7: |x, y| x.cos() => -x.sin();
    /// `y = tan x`; `∂y/∂x = 1 + y²`.
    tan, tan_jvp, tan_vjp at 0.7: |x, y| x.tan() => T::one() + y * y;
    /// `y = asin x`; `∂y/∂x = 1/√(1 − x²)`, infinite at `x = ±1`.
    asin, asin_jvp, asin_vjp at 0.3: |x, y| x.asin() => (T::one() - x * x).sqrt().recip();
    /// `y = acos x`; `∂y/∂x = −1/√(1 − x²)`, infinite at `x = ±1`.
    acos, acos_jvp, acos_vjp at 0.3: |x, y| x.acos() => -(T::one() - x * x).sqrt().recip();
    /// `y = atan x`; `∂y/∂x = 1/(1 + x²)`.
    atan, atan_jvp, atan_vjp at 0.7: |x, y| x.atan() => (T::one() + x * x).recip();
    /// `y = sinh x`; `∂y/∂x = cosh x`.
    sinh, sinh_jvp, sinh_vjp at 0.7: |x, y| x.sinh() => x.cosh();
    /// `y = cosh x`; `∂y/∂x = sinh x`.
    cosh, cosh_jvp, cosh_vjp at 0.7: |x, y| x.cosh() => x.sinh();
    /// `y = tanh x`; `∂y/∂x = 1 − y²`.
    tanh, tanh_jvp, tanh_vjp at 0.7: |x, y| x.tanh() => T::one() - y * y;
    /// `y = asinh x`; `∂y/∂x = 1/√(x² + 1)`.
    asinh, asinh_jvp, asinh_vjp at 0.7: |x, y| x.asinh() => (x * x + T::one()).sqrt().recip();
    /// `y = acosh x`; `∂y/∂x = 1/(√(x − 1)·√(x + 1))`, infinite at `x = 1`.
    acosh, acosh_jvp, acosh_vjp at 1.7: |x, y| x.acosh() => ((x - T::one()).sqrt() * (x + T::one()).sqrt()).recip();
    /// `y = atanh x`; `∂y/∂x = 1/(1 − x²)`, infinite at `x = ±1`, `NaN` for `|x| > 1`.
    atanh, atanh_jvp, atanh_vjp at 0.3: |x, y| x.atanh()
        => if x > T::one() || x < -T::one() { T::nan() } else { (T::one() - x * x).recip() };
    /// `y = 2ˣ`; `∂y/∂x = y · ln 2`.
    exp2, exp2_jvp, exp2_vjp at 0.7: |x, y| x.exp2() => y * T::LN_2();
    /// `y = eˣ − 1`; `∂y/∂x = y + 1`.
    exp_m1, exp_m1_jvp, exp_m1_vjp at 0.7: |x, y| x.exp_m1() => y + T::one();
    /// `y = log₂ x`; `∂y/∂x = 1/(x · ln 2)`.
    log2, log2_jvp, log2_vjp at 0.7: |x, y| x.log2()
        => if x < T::zero() { T::nan() } else { (x * T::LN_2()).recip() };
    /// `y = log₁₀ x`; `∂y/∂x = 1/(x · ln 10)`.
    log10, log10_jvp, log10_vjp at 0.7: |x, y| x.log10()
        => if x < T::zero() { T::nan() } else { (x * T::LN_10()).recip() };
    /// `y = ln(1 + x)`; `∂y/∂x = 1/(1 + x)`, infinite at `x = −1`, `NaN` for `x < −1`.
    ln_1p, ln_1p_jvp, ln_1p_vjp at 0.7: |x, y| x.ln_1p()
        => if x < -T::one() { T::nan() } else { (T::one() + x).recip() };
    /// `y = ∛x`; `∂y/∂x = 1/(3y²)`, infinite at `x = 0`.
    cbrt, cbrt_jvp, cbrt_vjp at 0.7: |x, y| x.cbrt() => (T::c(3.0) * y * y).recip();
    /// `y = 1/x`; `∂y/∂x = −y²`.
    recip, recip_jvp, recip_vjp at 0.7: |x, y| x.recip() => -(y * y);
    /// `y = |x|`; `∂y/∂x = sign x`, `0` at the kink `x = 0` (as autograd, JAX and PyTorch), and
    /// `NaN` at `x = NaN`.
    abs, abs_jvp, abs_vjp at 0.7: |x, y| x.abs() => if x > T::zero() {
        T::one()
    } else if x < T::zero() {
        -T::one()
    } else if x == T::zero() {
        T::zero()
    } else {
        T::nan()
    };
}
