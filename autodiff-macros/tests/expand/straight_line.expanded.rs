fn f(x: f64, y: f64) -> f64 {
    x * y.sin() + (x / y).exp()
}
const _: () = {
    let _ = f;
};
/**Derivatives of `f`, generated at compile time by `#[differentiable]`.

Active inputs: `x`, `y`.

# Generated code

```text
#[doc(hidden)]
#[inline]
pub fn __pullback(
    x: f64,
    y: f64,
) -> (
    f64,
    impl FnOnce(
        __ad::Adjoint<<f64 as __ad::Value>::Tangent>,
    ) -> (<f64 as __ad::Value>::Tangent, <f64 as __ad::Value>::Tangent) + use<>,
) {
    let x = x;
    let y = y;
    let (t2, __t2_d) = __ad::ops::sin(&y);
    let (t3, (_, _)) = __ad::ops::mul(&x, &t2);
    let (t4, (__t4_d0, __t4_d1)) = __ad::ops::div(&x, &y);
    let (t5, __t5_d) = __ad::ops::exp(&t4);
    let (t6, (__t6_d0, __t6_d1)) = __ad::ops::add(&t3, &t5);
    (
        t6,
        move |__seed0| {
            let mut __t6_bar = __seed0;
            let mut __x_bar = __ad::Adjoint::zero();
            let mut __y_bar = __ad::Adjoint::zero();
            let mut __t2_bar = __ad::Adjoint::zero();
            let mut __t3_bar = __ad::Adjoint::zero();
            let mut __t4_bar = __ad::Adjoint::zero();
            let mut __t5_bar = __ad::Adjoint::zero();
            __ad::ops::add_vjp(&__t6_bar, &mut __t3_bar, &__t6_d0);
            __ad::ops::add_vjp(&__t6_bar, &mut __t5_bar, &__t6_d1);
            __ad::ops::exp_vjp(__t5_bar, &mut __t4_bar, __t5_d);
            __ad::ops::div_vjp(&__t4_bar, &mut __x_bar, &__t4_d0);
            __ad::ops::div_vjp(&__t4_bar, &mut __y_bar, &__t4_d1);
            __ad::ops::mul_vjp(&__t3_bar, &mut __x_bar, &__ad::Scale(t2));
            __ad::ops::mul_vjp(&__t3_bar, &mut __t2_bar, &__ad::Scale(x));
            __ad::ops::sin_vjp(__t2_bar, &mut __y_bar, __t2_d);
            (__x_bar.into_tangent(&x), __y_bar.into_tangent(&y))
        },
    )
}
#[doc(hidden)]
#[inline]
pub fn __jvp(
    x: f64,
    y: f64,
    __x_dot_in: Option<<f64 as __ad::Value>::Tangent>,
    __y_dot_in: Option<<f64 as __ad::Value>::Tangent>,
) -> (f64, <f64 as __ad::Value>::Tangent) {
    let __x_dot = match __x_dot_in {
        Some(t) => t,
        None => __ad::Value::zero_tangent(&x),
    };
    let __y_dot = match __y_dot_in {
        Some(t) => t,
        None => __ad::Value::zero_tangent(&y),
    };
    let x = x;
    let y = y;
    let (t2, __t2_dot) = __ad::ops::sin_jvp(&y, &__y_dot);
    let (t3, __t3_dot) = __ad::ops::mul_jvp(&x, &t2, Some(&__x_dot), Some(&__t2_dot));
    let (t4, __t4_dot) = __ad::ops::div_jvp(&x, &y, Some(&__x_dot), Some(&__y_dot));
    let (t5, __t5_dot) = __ad::ops::exp_jvp(&t4, &__t4_dot);
    let (t6, __t6_dot) = __ad::ops::add_jvp(&t3, &t5, Some(&__t3_dot), Some(&__t5_dot));
    (t6, __t6_dot)
}
```*/
#[allow(
    dead_code,
    unused_variables,
    unused_assignments,
    unused_mut,
    unused_parens,
    unused_braces,
    unused_imports,
    non_snake_case,
    clippy::all,
    clippy::pedantic,
    clippy::nursery
)]
mod f {
    use super::*;
    use ::autodiff_runtime::__private as __ad;
    #[doc(hidden)]
    #[inline]
    pub fn __pullback(
        x: f64,
        y: f64,
    ) -> (
        f64,
        impl FnOnce(
            __ad::Adjoint<<f64 as __ad::Value>::Tangent>,
        ) -> (<f64 as __ad::Value>::Tangent, <f64 as __ad::Value>::Tangent) + use<>,
    ) {
        let x = x;
        let y = y;
        let (t2, __t2_d) = __ad::ops::sin(&y);
        let (t3, (_, _)) = __ad::ops::mul(&x, &t2);
        let (t4, (__t4_d0, __t4_d1)) = __ad::ops::div(&x, &y);
        let (t5, __t5_d) = __ad::ops::exp(&t4);
        let (t6, (__t6_d0, __t6_d1)) = __ad::ops::add(&t3, &t5);
        (
            t6,
            move |__seed0| {
                let mut __t6_bar = __seed0;
                let mut __x_bar = __ad::Adjoint::zero();
                let mut __y_bar = __ad::Adjoint::zero();
                let mut __t2_bar = __ad::Adjoint::zero();
                let mut __t3_bar = __ad::Adjoint::zero();
                let mut __t4_bar = __ad::Adjoint::zero();
                let mut __t5_bar = __ad::Adjoint::zero();
                __ad::ops::add_vjp(&__t6_bar, &mut __t3_bar, &__t6_d0);
                __ad::ops::add_vjp(&__t6_bar, &mut __t5_bar, &__t6_d1);
                __ad::ops::exp_vjp(__t5_bar, &mut __t4_bar, __t5_d);
                __ad::ops::div_vjp(&__t4_bar, &mut __x_bar, &__t4_d0);
                __ad::ops::div_vjp(&__t4_bar, &mut __y_bar, &__t4_d1);
                __ad::ops::mul_vjp(&__t3_bar, &mut __x_bar, &__ad::Scale(t2));
                __ad::ops::mul_vjp(&__t3_bar, &mut __t2_bar, &__ad::Scale(x));
                __ad::ops::sin_vjp(__t2_bar, &mut __y_bar, __t2_d);
                (__x_bar.into_tangent(&x), __y_bar.into_tangent(&y))
            },
        )
    }
    #[doc(hidden)]
    #[inline]
    pub fn __jvp(
        x: f64,
        y: f64,
        __x_dot_in: Option<<f64 as __ad::Value>::Tangent>,
        __y_dot_in: Option<<f64 as __ad::Value>::Tangent>,
    ) -> (f64, <f64 as __ad::Value>::Tangent) {
        let __x_dot = match __x_dot_in {
            Some(t) => t,
            None => __ad::Value::zero_tangent(&x),
        };
        let __y_dot = match __y_dot_in {
            Some(t) => t,
            None => __ad::Value::zero_tangent(&y),
        };
        let x = x;
        let y = y;
        let (t2, __t2_dot) = __ad::ops::sin_jvp(&y, &__y_dot);
        let (t3, __t3_dot) = __ad::ops::mul_jvp(
            &x,
            &t2,
            Some(&__x_dot),
            Some(&__t2_dot),
        );
        let (t4, __t4_dot) = __ad::ops::div_jvp(&x, &y, Some(&__x_dot), Some(&__y_dot));
        let (t5, __t5_dot) = __ad::ops::exp_jvp(&t4, &__t4_dot);
        let (t6, __t6_dot) = __ad::ops::add_jvp(
            &t3,
            &t5,
            Some(&__t3_dot),
            Some(&__t5_dot),
        );
        (t6, __t6_dot)
    }
    ///The Jacobian matrix of `f` with respect to `x`, `y` by reverse mode (one vector-Jacobian product per output coordinate): row `i` is output coordinate `i`, column `j` input coordinate `j`, coordinates in order (tuple items in turn, arrays row-major).
    pub fn jacobian(x: f64, y: f64) -> __ad::ndarray::Array2<f64> {
        let (__value, _) = __pullback(
            ::core::clone::Clone::clone(&x),
            ::core::clone::Clone::clone(&y),
        );
        __ad::rows(
            &__ad::Value::zero_tangent(&__value),
            |__y_bar| {
                vjp(
                        ::core::clone::Clone::clone(&x),
                        ::core::clone::Clone::clone(&y),
                        __y_bar,
                    )
                    .1
            },
        )
    }
    ///The Jacobian matrix of `f` with respect to `x`, `y` by forward mode (one Jacobian-vector product per input coordinate), laid out as `jacobian`.
    pub fn jacobian_fwd(x: f64, y: f64) -> __ad::ndarray::Array2<f64> {
        let __like = (__ad::Value::zero_tangent(&x), __ad::Value::zero_tangent(&y));
        __ad::columns(
            &__like,
            |(x_dir, y_dir)| {
                jvp(
                        ::core::clone::Clone::clone(&x),
                        ::core::clone::Clone::clone(&y),
                        x_dir,
                        y_dir,
                    )
                    .1
            },
        )
    }
    #[doc(hidden)]
    #[allow(unreachable_code)]
    pub fn __pullback_jet<__T: __ad::Lift<f64> + __ad::HigherOrder, const __N: usize>(
        x: __ad::Jet<__T, __N>,
        y: __ad::Jet<__T, __N>,
    ) -> (
        __ad::Jet<__T, __N>,
        impl FnOnce(
            __ad::Adjoint<<__ad::Jet<__T, __N> as __ad::Value>::Tangent>,
        ) -> (
                <__ad::Jet<__T, __N> as __ad::Value>::Tangent,
                <__ad::Jet<__T, __N> as __ad::Value>::Tangent,
            ) + use<__T, __N>,
    ) {
        (::core::unreachable!(), move |_| ::core::unreachable!())
    }
    ///The gradient of `f` with respect to `x`, `y`, at the given inputs.
    #[inline]
    pub fn grad(
        x: f64,
        y: f64,
    ) -> (<f64 as __ad::Value>::Tangent, <f64 as __ad::Value>::Tangent) {
        value_and_grad(x, y).1
    }
    ///`(value, gradient)` of `f` with respect to `x`, `y`: one forward and one reverse sweep.
    #[inline]
    pub fn value_and_grad(
        x: f64,
        y: f64,
    ) -> (f64, (<f64 as __ad::Value>::Tangent, <f64 as __ad::Value>::Tangent)) {
        let (value, pullback) = __pullback(x, y);
        let (__g0, __g1) = pullback(
            __ad::Adjoint::new(__ad::Scalar::one_tangent(&value)),
        );
        (value, (__g0, __g1))
    }
    ///`(value, ȳ·J)`: the value of `f` and the cotangent of `x`, `y` for the output cotangent `y_bar` (reverse mode).
    #[inline]
    pub fn vjp(
        x: f64,
        y: f64,
        y_bar: <f64 as __ad::Value>::Tangent,
    ) -> (f64, (<f64 as __ad::Value>::Tangent, <f64 as __ad::Value>::Tangent)) {
        let (value, pullback) = __pullback(x, y);
        let (__g0, __g1) = pullback(__ad::Adjoint::new(y_bar));
        (value, (__g0, __g1))
    }
    ///`(value, J·ẋ)`: the value of `f` and its tangent for the tangents of `x`, `y`, given after the inputs (forward mode).
    #[inline]
    pub fn jvp(
        x: f64,
        y: f64,
        x_dot: <f64 as __ad::Value>::Tangent,
        y_dot: <f64 as __ad::Value>::Tangent,
    ) -> (f64, <f64 as __ad::Value>::Tangent) {
        __jvp(x, y, Some(x_dot), Some(y_dot))
    }
    /// The generated sweeps of this module, pretty-printed.
    pub const SOURCE: &str = "#[doc(hidden)]\n#[inline]\npub fn __pullback(\n    x: f64,\n    y: f64,\n) -> (\n    f64,\n    impl FnOnce(\n        __ad::Adjoint<<f64 as __ad::Value>::Tangent>,\n    ) -> (<f64 as __ad::Value>::Tangent, <f64 as __ad::Value>::Tangent) + use<>,\n) {\n    let x = x;\n    let y = y;\n    let (t2, __t2_d) = __ad::ops::sin(&y);\n    let (t3, (_, _)) = __ad::ops::mul(&x, &t2);\n    let (t4, (__t4_d0, __t4_d1)) = __ad::ops::div(&x, &y);\n    let (t5, __t5_d) = __ad::ops::exp(&t4);\n    let (t6, (__t6_d0, __t6_d1)) = __ad::ops::add(&t3, &t5);\n    (\n        t6,\n        move |__seed0| {\n            let mut __t6_bar = __seed0;\n            let mut __x_bar = __ad::Adjoint::zero();\n            let mut __y_bar = __ad::Adjoint::zero();\n            let mut __t2_bar = __ad::Adjoint::zero();\n            let mut __t3_bar = __ad::Adjoint::zero();\n            let mut __t4_bar = __ad::Adjoint::zero();\n            let mut __t5_bar = __ad::Adjoint::zero();\n            __ad::ops::add_vjp(&__t6_bar, &mut __t3_bar, &__t6_d0);\n            __ad::ops::add_vjp(&__t6_bar, &mut __t5_bar, &__t6_d1);\n            __ad::ops::exp_vjp(__t5_bar, &mut __t4_bar, __t5_d);\n            __ad::ops::div_vjp(&__t4_bar, &mut __x_bar, &__t4_d0);\n            __ad::ops::div_vjp(&__t4_bar, &mut __y_bar, &__t4_d1);\n            __ad::ops::mul_vjp(&__t3_bar, &mut __x_bar, &__ad::Scale(t2));\n            __ad::ops::mul_vjp(&__t3_bar, &mut __t2_bar, &__ad::Scale(x));\n            __ad::ops::sin_vjp(__t2_bar, &mut __y_bar, __t2_d);\n            (__x_bar.into_tangent(&x), __y_bar.into_tangent(&y))\n        },\n    )\n}\n#[doc(hidden)]\n#[inline]\npub fn __jvp(\n    x: f64,\n    y: f64,\n    __x_dot_in: Option<<f64 as __ad::Value>::Tangent>,\n    __y_dot_in: Option<<f64 as __ad::Value>::Tangent>,\n) -> (f64, <f64 as __ad::Value>::Tangent) {\n    let __x_dot = match __x_dot_in {\n        Some(t) => t,\n        None => __ad::Value::zero_tangent(&x),\n    };\n    let __y_dot = match __y_dot_in {\n        Some(t) => t,\n        None => __ad::Value::zero_tangent(&y),\n    };\n    let x = x;\n    let y = y;\n    let (t2, __t2_dot) = __ad::ops::sin_jvp(&y, &__y_dot);\n    let (t3, __t3_dot) = __ad::ops::mul_jvp(&x, &t2, Some(&__x_dot), Some(&__t2_dot));\n    let (t4, __t4_dot) = __ad::ops::div_jvp(&x, &y, Some(&__x_dot), Some(&__y_dot));\n    let (t5, __t5_dot) = __ad::ops::exp_jvp(&t4, &__t4_dot);\n    let (t6, __t6_dot) = __ad::ops::add_jvp(&t3, &t5, Some(&__t3_dot), Some(&__t5_dot));\n    (t6, __t6_dot)\n}\n";
}
