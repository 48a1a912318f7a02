fn g(x: f64, c: f64, n: i32) -> f64 {
    let mut s = x * x;
    s += c * x.powi(n);
    let k = s.floor();
    s - k
}
const _: () = {
    let _ = g;
};
/**Derivatives of `g`, generated at compile time by `#[differentiable]`.

Active inputs: `x`.

# Generated code

```text
#[doc(hidden)]
#[inline]
pub fn __pullback(
    x: f64,
    c: f64,
    n: i32,
) -> (
    f64,
    impl FnOnce(
        __ad::Adjoint<<f64 as __ad::Value>::Tangent>,
    ) -> (<f64 as __ad::Value>::Tangent, __ad::NoTangent, __ad::NoTangent) + use<>,
) {
    let x = x;
    let (s, (_, _)) = __ad::ops::mul(&x, &x);
    let (t2, __t2_d) = __ad::ops::powi(&x, n);
    let (t3, (_, __t3_d1)) = __ad::ops::mul(&c, &t2);
    let (s_1, (__s_1_d0, __s_1_d1)) = __ad::ops::add(&s, &t3);
    let k = s_1.floor();
    let (t5, (__t5_d0, _)) = __ad::ops::sub(&s_1, &k);
    (
        t5,
        move |__seed0| {
            let mut __t5_bar = __seed0;
            let mut __x_bar = __ad::Adjoint::zero();
            let mut __s_bar = __ad::Adjoint::zero();
            let mut __t2_bar = __ad::Adjoint::zero();
            let mut __t3_bar = __ad::Adjoint::zero();
            let mut __s_1_bar = __ad::Adjoint::zero();
            __ad::ops::sub_vjp(&__t5_bar, &mut __s_1_bar, &__t5_d0);
            __ad::ops::add_vjp(&__s_1_bar, &mut __s_bar, &__s_1_d0);
            __ad::ops::add_vjp(&__s_1_bar, &mut __t3_bar, &__s_1_d1);
            __ad::ops::mul_vjp(&__t3_bar, &mut __t2_bar, &__t3_d1);
            __ad::ops::powi_vjp(__t2_bar, &mut __x_bar, __t2_d);
            __ad::ops::mul_vjp(&__s_bar, &mut __x_bar, &__ad::Scale(x));
            __ad::ops::mul_vjp(&__s_bar, &mut __x_bar, &__ad::Scale(x));
            (__x_bar.into_tangent(&x), __ad::NoTangent, __ad::NoTangent)
        },
    )
}
#[doc(hidden)]
#[inline]
pub fn __jvp(
    x: f64,
    c: f64,
    n: i32,
    __x_dot_in: Option<<f64 as __ad::Value>::Tangent>,
    __c_dot_in: Option<__ad::NoTangent>,
    __n_dot_in: Option<__ad::NoTangent>,
) -> (f64, <f64 as __ad::Value>::Tangent) {
    let __x_dot = match __x_dot_in {
        Some(t) => t,
        None => __ad::Value::zero_tangent(&x),
    };
    let x = x;
    let (s, __s_dot) = __ad::ops::mul_jvp(&x, &x, Some(&__x_dot), Some(&__x_dot));
    let (t2, __t2_dot) = __ad::ops::powi_jvp(&x, n, &__x_dot);
    let (t3, __t3_dot) = __ad::ops::mul_jvp(&c, &t2, None, Some(&__t2_dot));
    let (s_1, __s_1_dot) = __ad::ops::add_jvp(&s, &t3, Some(&__s_dot), Some(&__t3_dot));
    let k = s_1.floor();
    let (t5, __t5_dot) = __ad::ops::sub_jvp(&s_1, &k, Some(&__s_1_dot), None);
    (t5, __t5_dot)
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
mod g {
    use super::*;
    use ::autodiff_runtime::__private as __ad;
    #[doc(hidden)]
    #[inline]
    pub fn __pullback(
        x: f64,
        c: f64,
        n: i32,
    ) -> (
        f64,
        impl FnOnce(
            __ad::Adjoint<<f64 as __ad::Value>::Tangent>,
        ) -> (<f64 as __ad::Value>::Tangent, __ad::NoTangent, __ad::NoTangent) + use<>,
    ) {
        let x = x;
        let (s, (_, _)) = __ad::ops::mul(&x, &x);
        let (t2, __t2_d) = __ad::ops::powi(&x, n);
        let (t3, (_, __t3_d1)) = __ad::ops::mul(&c, &t2);
        let (s_1, (__s_1_d0, __s_1_d1)) = __ad::ops::add(&s, &t3);
        let k = s_1.floor();
        let (t5, (__t5_d0, _)) = __ad::ops::sub(&s_1, &k);
        (
            t5,
            move |__seed0| {
                let mut __t5_bar = __seed0;
                let mut __x_bar = __ad::Adjoint::zero();
                let mut __s_bar = __ad::Adjoint::zero();
                let mut __t2_bar = __ad::Adjoint::zero();
                let mut __t3_bar = __ad::Adjoint::zero();
                let mut __s_1_bar = __ad::Adjoint::zero();
                __ad::ops::sub_vjp(&__t5_bar, &mut __s_1_bar, &__t5_d0);
                __ad::ops::add_vjp(&__s_1_bar, &mut __s_bar, &__s_1_d0);
                __ad::ops::add_vjp(&__s_1_bar, &mut __t3_bar, &__s_1_d1);
                __ad::ops::mul_vjp(&__t3_bar, &mut __t2_bar, &__t3_d1);
                __ad::ops::powi_vjp(__t2_bar, &mut __x_bar, __t2_d);
                __ad::ops::mul_vjp(&__s_bar, &mut __x_bar, &__ad::Scale(x));
                __ad::ops::mul_vjp(&__s_bar, &mut __x_bar, &__ad::Scale(x));
                (__x_bar.into_tangent(&x), __ad::NoTangent, __ad::NoTangent)
            },
        )
    }
    #[doc(hidden)]
    #[inline]
    pub fn __jvp(
        x: f64,
        c: f64,
        n: i32,
        __x_dot_in: Option<<f64 as __ad::Value>::Tangent>,
        __c_dot_in: Option<__ad::NoTangent>,
        __n_dot_in: Option<__ad::NoTangent>,
    ) -> (f64, <f64 as __ad::Value>::Tangent) {
        let __x_dot = match __x_dot_in {
            Some(t) => t,
            None => __ad::Value::zero_tangent(&x),
        };
        let x = x;
        let (s, __s_dot) = __ad::ops::mul_jvp(&x, &x, Some(&__x_dot), Some(&__x_dot));
        let (t2, __t2_dot) = __ad::ops::powi_jvp(&x, n, &__x_dot);
        let (t3, __t3_dot) = __ad::ops::mul_jvp(&c, &t2, None, Some(&__t2_dot));
        let (s_1, __s_1_dot) = __ad::ops::add_jvp(
            &s,
            &t3,
            Some(&__s_dot),
            Some(&__t3_dot),
        );
        let k = s_1.floor();
        let (t5, __t5_dot) = __ad::ops::sub_jvp(&s_1, &k, Some(&__s_1_dot), None);
        (t5, __t5_dot)
    }
    ///The Jacobian matrix of `g` with respect to `x` by reverse mode (one vector-Jacobian product per output coordinate): row `i` is output coordinate `i`, column `j` input coordinate `j`, coordinates in order (tuple items in turn, arrays row-major).
    pub fn jacobian(x: f64, c: f64, n: i32) -> __ad::ndarray::Array2<f64> {
        let (__value, _) = __pullback(
            ::core::clone::Clone::clone(&x),
            ::core::clone::Clone::clone(&c),
            ::core::clone::Clone::clone(&n),
        );
        __ad::rows(
            &__ad::Value::zero_tangent(&__value),
            |__y_bar| {
                vjp(
                        ::core::clone::Clone::clone(&x),
                        ::core::clone::Clone::clone(&c),
                        ::core::clone::Clone::clone(&n),
                        __y_bar,
                    )
                    .1
            },
        )
    }
    ///The Jacobian matrix of `g` with respect to `x` by forward mode (one Jacobian-vector product per input coordinate), laid out as `jacobian`.
    pub fn jacobian_fwd(x: f64, c: f64, n: i32) -> __ad::ndarray::Array2<f64> {
        let __like = (__ad::Value::zero_tangent(&x),);
        __ad::columns(
            &__like,
            |(x_dir,)| {
                jvp(
                        ::core::clone::Clone::clone(&x),
                        ::core::clone::Clone::clone(&c),
                        ::core::clone::Clone::clone(&n),
                        x_dir,
                    )
                    .1
            },
        )
    }
    ///The elementwise gradient of `g` (autograd's `elementwise_grad`): the vector-Jacobian product with a cotangent of ones, which for a function acting elementwise is each output element's derivative with respect to its own input element.
    pub fn egrad(x: f64, c: f64, n: i32) -> <f64 as __ad::Value>::Tangent {
        let (__value, __pb) = __pullback(x, c, n);
        let __seed = __ad::Coords::ones(&__ad::Value::zero_tangent(&__value));
        let (__g, _, _) = __pb(__ad::Adjoint::new(__seed));
        __g
    }
    #[doc(hidden)]
    #[allow(unreachable_code)]
    pub fn __pullback_jet<__T: __ad::Lift<f64> + __ad::HigherOrder, const __N: usize>(
        x: __ad::Jet<__T, __N>,
        c: __ad::Jet<__T, __N>,
        n: i32,
    ) -> (
        __ad::Jet<__T, __N>,
        impl FnOnce(
            __ad::Adjoint<<__ad::Jet<__T, __N> as __ad::Value>::Tangent>,
        ) -> (
                <__ad::Jet<__T, __N> as __ad::Value>::Tangent,
                __ad::NoTangent,
                __ad::NoTangent,
            ) + use<__T, __N>,
    ) {
        (::core::unreachable!(), move |_| ::core::unreachable!())
    }
    ///The gradient of `g` with respect to `x`, at the given inputs.
    #[inline]
    pub fn grad(x: f64, c: f64, n: i32) -> <f64 as __ad::Value>::Tangent {
        value_and_grad(x, c, n).1
    }
    ///`(value, gradient)` of `g` with respect to `x`: one forward and one reverse sweep.
    #[inline]
    pub fn value_and_grad(
        x: f64,
        c: f64,
        n: i32,
    ) -> (f64, <f64 as __ad::Value>::Tangent) {
        let (value, pullback) = __pullback(x, c, n);
        let (__g0, _, _) = pullback(
            __ad::Adjoint::new(__ad::Scalar::one_tangent(&value)),
        );
        (value, __g0)
    }
    ///`(value, ȳ·J)`: the value of `g` and the cotangent of `x` for the output cotangent `y_bar` (reverse mode).
    #[inline]
    pub fn vjp(
        x: f64,
        c: f64,
        n: i32,
        y_bar: <f64 as __ad::Value>::Tangent,
    ) -> (f64, <f64 as __ad::Value>::Tangent) {
        let (value, pullback) = __pullback(x, c, n);
        let (__g0, _, _) = pullback(__ad::Adjoint::new(y_bar));
        (value, __g0)
    }
    ///`(value, J·ẋ)`: the value of `g` and its tangent for the tangents of `x`, given after the inputs (forward mode).
    #[inline]
    pub fn jvp(
        x: f64,
        c: f64,
        n: i32,
        x_dot: <f64 as __ad::Value>::Tangent,
    ) -> (f64, <f64 as __ad::Value>::Tangent) {
        __jvp(x, c, n, Some(x_dot), None, None)
    }
    /// The generated sweeps of this module, pretty-printed.
    pub const SOURCE: &str = "#[doc(hidden)]\n#[inline]\npub fn __pullback(\n    x: f64,\n    c: f64,\n    n: i32,\n) -> (\n    f64,\n    impl FnOnce(\n        __ad::Adjoint<<f64 as __ad::Value>::Tangent>,\n    ) -> (<f64 as __ad::Value>::Tangent, __ad::NoTangent, __ad::NoTangent) + use<>,\n) {\n    let x = x;\n    let (s, (_, _)) = __ad::ops::mul(&x, &x);\n    let (t2, __t2_d) = __ad::ops::powi(&x, n);\n    let (t3, (_, __t3_d1)) = __ad::ops::mul(&c, &t2);\n    let (s_1, (__s_1_d0, __s_1_d1)) = __ad::ops::add(&s, &t3);\n    let k = s_1.floor();\n    let (t5, (__t5_d0, _)) = __ad::ops::sub(&s_1, &k);\n    (\n        t5,\n        move |__seed0| {\n            let mut __t5_bar = __seed0;\n            let mut __x_bar = __ad::Adjoint::zero();\n            let mut __s_bar = __ad::Adjoint::zero();\n            let mut __t2_bar = __ad::Adjoint::zero();\n            let mut __t3_bar = __ad::Adjoint::zero();\n            let mut __s_1_bar = __ad::Adjoint::zero();\n            __ad::ops::sub_vjp(&__t5_bar, &mut __s_1_bar, &__t5_d0);\n            __ad::ops::add_vjp(&__s_1_bar, &mut __s_bar, &__s_1_d0);\n            __ad::ops::add_vjp(&__s_1_bar, &mut __t3_bar, &__s_1_d1);\n            __ad::ops::mul_vjp(&__t3_bar, &mut __t2_bar, &__t3_d1);\n            __ad::ops::powi_vjp(__t2_bar, &mut __x_bar, __t2_d);\n            __ad::ops::mul_vjp(&__s_bar, &mut __x_bar, &__ad::Scale(x));\n            __ad::ops::mul_vjp(&__s_bar, &mut __x_bar, &__ad::Scale(x));\n            (__x_bar.into_tangent(&x), __ad::NoTangent, __ad::NoTangent)\n        },\n    )\n}\n#[doc(hidden)]\n#[inline]\npub fn __jvp(\n    x: f64,\n    c: f64,\n    n: i32,\n    __x_dot_in: Option<<f64 as __ad::Value>::Tangent>,\n    __c_dot_in: Option<__ad::NoTangent>,\n    __n_dot_in: Option<__ad::NoTangent>,\n) -> (f64, <f64 as __ad::Value>::Tangent) {\n    let __x_dot = match __x_dot_in {\n        Some(t) => t,\n        None => __ad::Value::zero_tangent(&x),\n    };\n    let x = x;\n    let (s, __s_dot) = __ad::ops::mul_jvp(&x, &x, Some(&__x_dot), Some(&__x_dot));\n    let (t2, __t2_dot) = __ad::ops::powi_jvp(&x, n, &__x_dot);\n    let (t3, __t3_dot) = __ad::ops::mul_jvp(&c, &t2, None, Some(&__t2_dot));\n    let (s_1, __s_1_dot) = __ad::ops::add_jvp(&s, &t3, Some(&__s_dot), Some(&__t3_dot));\n    let k = s_1.floor();\n    let (t5, __t5_dot) = __ad::ops::sub_jvp(&s_1, &k, Some(&__s_1_dot), None);\n    (t5, __t5_dot)\n}\n";
}
