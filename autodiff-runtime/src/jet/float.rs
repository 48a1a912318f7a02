//! `num_traits::Float` for jets: every float method on the whole series.
//!
//! Smooth functions propagate every coefficient; piecewise-constant ones (`floor`, `round`,
//! `signum`, ...) give constants, and `abs`, `max`, `min` pick a branch by value, as the
//! scalar rules do. Outside a function's domain (`ln` of a negative number, `acosh(0.5)`)
//! every coefficient is `NaN`, not only the value.

use super::{Jet, series};
use crate::Real;
use core::num::FpCategory;
use num_traits::{Float, FloatConst, Num, NumCast, One, ToPrimitive, Zero};

impl<T: Real, const N: usize> Zero for Jet<T, N> {
    #[inline]
    fn zero() -> Self {
        Self::constant(T::zero())
    }
    #[inline]
    fn is_zero(&self) -> bool {
        self.c.iter().all(|c| c.is_zero())
    }
}

impl<T: Real, const N: usize> One for Jet<T, N> {
    #[inline]
    fn one() -> Self {
        Self::constant(T::one())
    }
}

impl<T: Real, const N: usize> Num for Jet<T, N> {
    type FromStrRadixErr = T::FromStrRadixErr;
    fn from_str_radix(s: &str, radix: u32) -> Result<Self, Self::FromStrRadixErr> {
        T::from_str_radix(s, radix).map(Self::constant)
    }
}

impl<T: Real, const N: usize> ToPrimitive for Jet<T, N> {
    fn to_i64(&self) -> Option<i64> {
        self.c[0].to_i64()
    }
    fn to_u64(&self) -> Option<u64> {
        self.c[0].to_u64()
    }
    fn to_f64(&self) -> Option<f64> {
        self.c[0].to_f64()
    }
    fn to_f32(&self) -> Option<f32> {
        self.c[0].to_f32()
    }
}

impl<T: Real, const N: usize> NumCast for Jet<T, N> {
    fn from<P: ToPrimitive>(n: P) -> Option<Self> {
        <T as NumCast>::from(n).map(Self::constant)
    }
}

macro_rules! constants {
    ($trait:ident: $($name:ident)*) => {
        $(
            #[inline]
            fn $name() -> Self {
                Self::constant(<T as $trait>::$name())
            }
        )*
    };
}

impl<T: Real, const N: usize> FloatConst for Jet<T, N> {
    constants!(FloatConst: E FRAC_1_PI FRAC_1_SQRT_2 FRAC_2_PI FRAC_2_SQRT_PI FRAC_PI_2 FRAC_PI_3 FRAC_PI_4
        FRAC_PI_6 FRAC_PI_8 LN_10 LN_2 LOG10_E LOG2_E PI SQRT_2 TAU LOG10_2 LOG2_10);
}

/// Methods that look at the value only.
macro_rules! by_value {
    ($($name:ident -> $ret:ty),*) => {
        $(
            #[inline]
            fn $name(self) -> $ret {
                self.c[0].$name()
            }
        )*
    };
}

/// Piecewise-constant methods: a constant jet of the value's result.
macro_rules! piecewise_constant {
    ($($name:ident),*) => {
        $(
            #[inline]
            fn $name(self) -> Self {
                Self::constant(self.c[0].$name())
            }
        )*
    };
}

impl<T: Real, const N: usize> Jet<T, N> {
    /// The jet of a function outside its domain: `NaN` in every coefficient.
    fn undefined() -> Self {
        Jet { c: [T::nan(); N] }
    }

    /// The series with its value replaced by `v`, the scalar method's own result: where a
    /// series is computed through other functions (`exp2` as `exp(x·ln 2)`), its value is then
    /// still the primal's, to the bit.
    #[inline]
    fn valued(mut self, v: T) -> Self {
        self.c[0] = v;
        self
    }
}

impl<T: Real, const N: usize> Float for Jet<T, N> {
    constants!(Float: nan infinity neg_infinity neg_zero min_value min_positive_value max_value epsilon);
    by_value!(is_nan -> bool, is_infinite -> bool, is_finite -> bool, is_normal -> bool,
        classify -> FpCategory, is_sign_positive -> bool, is_sign_negative -> bool,
        integer_decode -> (u64, i16, i8));
    piecewise_constant!(floor, ceil, round, trunc, signum);

    #[inline]
    fn fract(self) -> Self {
        self - self.trunc()
    }
    #[inline]
    fn abs(self) -> Self {
        if self.c[0] < T::zero() {
            -self
        } else if self.c[0].is_nan() {
            Self::undefined()
        } else {
            self
        }
    }
    #[inline]
    fn mul_add(self, a: Self, b: Self) -> Self {
        (self * a + b).valued(self.c[0].mul_add(a.c[0], b.c[0]))
    }
    #[inline]
    fn recip(self) -> Self {
        Self::one() / self
    }
    fn powi(self, n: i32) -> Self {
        let p = Jet { c: series::powi(&self.c, n.unsigned_abs()) };
        let p = if n < 0 { p.recip() } else { p };
        p.valued(self.c[0].powi(n))
    }
    fn powf(self, e: Self) -> Self {
        if e.is_constant() {
            let a = e.c[0];
            Jet { c: series::powf(self.c[0].powf(a), &self.c, a) }
        } else {
            (e * self.ln()).exp().valued(self.c[0].powf(e.c[0]))
        }
    }
    fn sqrt(self) -> Self {
        Jet { c: series::sqrt(&self.c) }
    }
    fn cbrt(self) -> Self {
        let a = T::c(1.0 / 3.0);
        Jet { c: series::powf(self.c[0].cbrt(), &self.c, a) }
    }
    fn exp(self) -> Self {
        Jet { c: series::exp(&self.c) }
    }
    fn exp2(self) -> Self {
        (self * Self::constant(T::LN_2())).exp().valued(self.c[0].exp2())
    }
    fn exp_m1(self) -> Self {
        let mut e = series::exp(&self.c);
        e[0] = self.c[0].exp_m1();
        Jet { c: e }
    }
    fn ln(self) -> Self {
        if self.c[0] < T::zero() {
            return Self::undefined();
        }
        Jet { c: series::ln(self.c[0].ln(), &self.c) }
    }
    fn ln_1p(self) -> Self {
        if self.c[0] < -T::one() {
            return Self::undefined();
        }
        let mut u = self.c;
        u[0] += T::one();
        Jet { c: series::ln(self.c[0].ln_1p(), &u) }
    }
    fn log(self, base: Self) -> Self {
        (self.ln() / base.ln()).valued(self.c[0].log(base.c[0]))
    }
    fn log2(self) -> Self {
        (self.ln() / Self::constant(T::LN_2())).valued(self.c[0].log2())
    }
    fn log10(self) -> Self {
        (self.ln() / Self::constant(T::LN_10())).valued(self.c[0].log10())
    }
    fn max(self, other: Self) -> Self {
        if other.c[0] > self.c[0] || self.c[0].is_nan() { other } else { self }
    }
    fn min(self, other: Self) -> Self {
        if other.c[0] < self.c[0] || self.c[0].is_nan() { other } else { self }
    }
    #[allow(deprecated)]
    fn abs_sub(self, other: Self) -> Self {
        if self.c[0] <= other.c[0] { Self::zero() } else { self - other }
    }
    fn hypot(self, other: Self) -> Self {
        (self * self + other * other).sqrt().valued(self.c[0].hypot(other.c[0]))
    }
    // Linear: each coefficient scaled as the scalar method scales the value.
    fn to_degrees(self) -> Self {
        Jet { c: self.c.map(T::to_degrees) }
    }
    fn to_radians(self) -> Self {
        Jet { c: self.c.map(T::to_radians) }
    }
    fn sin(self) -> Self {
        Jet { c: series::sin_cos(&self.c, false).0 }
    }
    fn cos(self) -> Self {
        Jet { c: series::sin_cos(&self.c, false).1 }
    }
    fn sin_cos(self) -> (Self, Self) {
        let (s, c) = series::sin_cos(&self.c, false);
        (Jet { c: s }, Jet { c })
    }
    fn tan(self) -> Self {
        Jet { c: series::tanh(&self.c, true) }
    }
    fn asin(self) -> Self {
        let g = (Self::one() - self * self).sqrt().recip();
        Jet { c: series::compose(self.c[0].asin(), &g.c, &self.c) }
    }
    fn acos(self) -> Self {
        let g = -(Self::one() - self * self).sqrt().recip();
        Jet { c: series::compose(self.c[0].acos(), &g.c, &self.c) }
    }
    fn atan(self) -> Self {
        let g = (Self::one() + self * self).recip();
        Jet { c: series::compose(self.c[0].atan(), &g.c, &self.c) }
    }
    /// `atan2(self, x)`: the angle, whose derivative is `(x·dy − y·dx)/(x² + y²)`.
    fn atan2(self, x: Self) -> Self {
        let (y, r2) = (self, self * self + x * x);
        let (dy, dx) = (Jet { c: series::derivative(&y.c) }, Jet { c: series::derivative(&x.c) });
        let w = (x * dy - y * dx) / r2;
        Jet { c: series::integral(self.c[0].atan2(x.c[0]), &w.c) }
    }
    fn sinh(self) -> Self {
        Jet { c: series::sin_cos(&self.c, true).0 }
    }
    fn cosh(self) -> Self {
        Jet { c: series::sin_cos(&self.c, true).1 }
    }
    fn tanh(self) -> Self {
        Jet { c: series::tanh(&self.c, false) }
    }
    fn asinh(self) -> Self {
        let g = (self * self + Self::one()).sqrt().recip();
        Jet { c: series::compose(self.c[0].asinh(), &g.c, &self.c) }
    }
    fn acosh(self) -> Self {
        if self.c[0] < T::one() {
            return Self::undefined();
        }
        let g = (self * self - Self::one()).sqrt().recip();
        Jet { c: series::compose(self.c[0].acosh(), &g.c, &self.c) }
    }
    fn atanh(self) -> Self {
        if self.c[0] > T::one() || self.c[0] < -T::one() {
            return Self::undefined();
        }
        let g = (Self::one() - self * self).recip();
        Jet { c: series::compose(self.c[0].atanh(), &g.c, &self.c) }
    }
}
