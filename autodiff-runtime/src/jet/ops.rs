//! Arithmetic and comparisons of jets, with each other and with `f64`/`f32` constants.

use super::{Jet, Lift, series};
use crate::Real;
use core::cmp::Ordering;
use core::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Rem, RemAssign, Sub, SubAssign};

impl<T: Real, const N: usize> Add for Jet<T, N> {
    type Output = Self;
    #[inline]
    fn add(self, b: Self) -> Self {
        Jet { c: core::array::from_fn(|k| self.c[k] + b.c[k]) }
    }
}

impl<T: Real, const N: usize> Sub for Jet<T, N> {
    type Output = Self;
    #[inline]
    fn sub(self, b: Self) -> Self {
        Jet { c: core::array::from_fn(|k| self.c[k] - b.c[k]) }
    }
}

impl<T: Real, const N: usize> Mul for Jet<T, N> {
    type Output = Self;
    #[inline]
    fn mul(self, b: Self) -> Self {
        Jet { c: series::mul(&self.c, &b.c) }
    }
}

impl<T: Real, const N: usize> Div for Jet<T, N> {
    type Output = Self;
    #[inline]
    fn div(self, b: Self) -> Self {
        Jet { c: series::div(&self.c, &b.c) }
    }
}

/// `a % b = a − trunc(a/b)·b`, the quotient taken as a constant (its derivative is zero
/// wherever it exists).
impl<T: Real, const N: usize> Rem for Jet<T, N> {
    type Output = Self;
    #[inline]
    fn rem(self, b: Self) -> Self {
        let q = (self.c[0] / b.c[0]).trunc();
        self - b.map(|c| c * q)
    }
}

impl<T: Real, const N: usize> Neg for Jet<T, N> {
    type Output = Self;
    #[inline]
    fn neg(self) -> Self {
        self.map(|c| -c)
    }
}

macro_rules! assign_ops {
    ($($trait:ident $method:ident $op:ident;)*) => {$(
        impl<T: Real, const N: usize> $trait for Jet<T, N> {
            #[inline]
            fn $method(&mut self, b: Self) {
                *self = (*self).$op(b);
            }
        }
    )*};
}

assign_ops! {
    AddAssign add_assign add;
    SubAssign sub_assign sub;
    MulAssign mul_assign mul;
    DivAssign div_assign div;
    RemAssign rem_assign rem;
}

/// `jet ∘ constant` and `constant ∘ jet` for a plain-float constant, as literals in
/// differentiated code are.
macro_rules! constant_ops {
    ($($c:ty)*) => {$(
        impl<T: Lift<$c>, const N: usize> Add<$c> for Jet<T, N> {
            type Output = Self;
            #[inline]
            fn add(mut self, b: $c) -> Self {
                self.c[0] += T::lift(b);
                self
            }
        }
        impl<T: Lift<$c>, const N: usize> Add<Jet<T, N>> for $c {
            type Output = Jet<T, N>;
            #[inline]
            fn add(self, b: Jet<T, N>) -> Jet<T, N> {
                b + self
            }
        }
        impl<T: Lift<$c>, const N: usize> Sub<$c> for Jet<T, N> {
            type Output = Self;
            #[inline]
            fn sub(mut self, b: $c) -> Self {
                self.c[0] -= T::lift(b);
                self
            }
        }
        impl<T: Lift<$c>, const N: usize> Sub<Jet<T, N>> for $c {
            type Output = Jet<T, N>;
            #[inline]
            fn sub(self, b: Jet<T, N>) -> Jet<T, N> {
                -b + self
            }
        }
        impl<T: Lift<$c>, const N: usize> Mul<$c> for Jet<T, N> {
            type Output = Self;
            #[inline]
            fn mul(self, b: $c) -> Self {
                let b = T::lift(b);
                self.map(|c| c * b)
            }
        }
        impl<T: Lift<$c>, const N: usize> Mul<Jet<T, N>> for $c {
            type Output = Jet<T, N>;
            #[inline]
            fn mul(self, b: Jet<T, N>) -> Jet<T, N> {
                b * self
            }
        }
        impl<T: Lift<$c>, const N: usize> Div<$c> for Jet<T, N> {
            type Output = Self;
            #[inline]
            fn div(self, b: $c) -> Self {
                let b = T::lift(b);
                self.map(|c| c / b)
            }
        }
        impl<T: Lift<$c>, const N: usize> Div<Jet<T, N>> for $c {
            type Output = Jet<T, N>;
            #[inline]
            fn div(self, b: Jet<T, N>) -> Jet<T, N> {
                Jet::constant(T::lift(self)) / b
            }
        }
        impl<T: Lift<$c>, const N: usize> AddAssign<$c> for Jet<T, N> {
            #[inline]
            fn add_assign(&mut self, b: $c) {
                *self = *self + b;
            }
        }
        impl<T: Lift<$c>, const N: usize> SubAssign<$c> for Jet<T, N> {
            #[inline]
            fn sub_assign(&mut self, b: $c) {
                *self = *self - b;
            }
        }
        impl<T: Lift<$c>, const N: usize> MulAssign<$c> for Jet<T, N> {
            #[inline]
            fn mul_assign(&mut self, b: $c) {
                *self = *self * b;
            }
        }
        impl<T: Lift<$c>, const N: usize> DivAssign<$c> for Jet<T, N> {
            #[inline]
            fn div_assign(&mut self, b: $c) {
                *self = *self / b;
            }
        }
        impl<T: Lift<$c>, const N: usize> PartialEq<$c> for Jet<T, N> {
            #[inline]
            fn eq(&self, b: &$c) -> bool {
                self.c[0] == T::lift(*b)
            }
        }
        impl<T: Lift<$c>, const N: usize> PartialOrd<$c> for Jet<T, N> {
            #[inline]
            fn partial_cmp(&self, b: &$c) -> Option<Ordering> {
                self.c[0].partial_cmp(&T::lift(*b))
            }
        }
    )*};
}

constant_ops!(f64 f32);

impl<T: Real, const N: usize> PartialEq for Jet<T, N> {
    /// Compares values only (coefficient 0).
    #[inline]
    fn eq(&self, b: &Self) -> bool {
        self.c[0] == b.c[0]
    }
}

impl<T: Real, const N: usize> PartialOrd for Jet<T, N> {
    /// Orders by value only (coefficient 0).
    #[inline]
    fn partial_cmp(&self, b: &Self) -> Option<Ordering> {
        self.c[0].partial_cmp(&b.c[0])
    }
}

impl<T: Real, const N: usize> core::iter::Sum for Jet<T, N> {
    fn sum<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::constant(T::zero()), |a, b| a + b)
    }
}

impl<T: Real, const N: usize> core::iter::Product for Jet<T, N> {
    fn product<I: Iterator<Item = Self>>(iter: I) -> Self {
        iter.fold(Self::constant(T::one()), |a, b| a * b)
    }
}
