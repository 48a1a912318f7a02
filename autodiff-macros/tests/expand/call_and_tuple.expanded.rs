fn pair(a: f64, b: f64) -> (f64, f64) {
    (a * b, a - b)
}
const _: () = {
    let _ = pair;
};
/**Derivatives of `pair`, generated at compile time by `#[differentiable]`.

Active inputs: `a`, `b`.

# Generated code

```text
#[doc(hidden)]
#[inline]
pub fn __pullback(
    a: f64,
    b: f64,
) -> (
    (f64, f64),
    impl FnOnce(
        (
            __ad::Adjoint<<f64 as __ad::Value>::Tangent>,
            __ad::Adjoint<<f64 as __ad::Value>::Tangent>,
        ),
    ) -> (<f64 as __ad::Value>::Tangent, <f64 as __ad::Value>::Tangent) + use<>,
) {
    let a = a;
    let b = b;
    let (t2, (_, _)) = __ad::ops::mul(&a, &b);
    let (t3, (__t3_d0, __t3_d1)) = __ad::ops::sub(&a, &b);
    (
        (t2, t3),
        move |(__seed0, __seed1)| {
            let mut __t2_bar = __seed0;
            let mut __t3_bar = __seed1;
            let mut __a_bar = __ad::Adjoint::zero();
            let mut __b_bar = __ad::Adjoint::zero();
            __ad::ops::sub_vjp(&__t3_bar, &mut __a_bar, &__t3_d0);
            __ad::ops::sub_vjp(&__t3_bar, &mut __b_bar, &__t3_d1);
            __ad::ops::mul_vjp(&__t2_bar, &mut __a_bar, &__ad::Scale(b));
            __ad::ops::mul_vjp(&__t2_bar, &mut __b_bar, &__ad::Scale(a));
            (__a_bar.into_tangent(&a), __b_bar.into_tangent(&b))
        },
    )
}
#[doc(hidden)]
#[inline]
pub fn __jvp(
    a: f64,
    b: f64,
    __a_dot_in: Option<<f64 as __ad::Value>::Tangent>,
    __b_dot_in: Option<<f64 as __ad::Value>::Tangent>,
) -> ((f64, f64), <(f64, f64) as __ad::Value>::Tangent) {
    let __a_dot = match __a_dot_in {
        Some(t) => t,
        None => __ad::Value::zero_tangent(&a),
    };
    let __b_dot = match __b_dot_in {
        Some(t) => t,
        None => __ad::Value::zero_tangent(&b),
    };
    let a = a;
    let b = b;
    let (t2, __t2_dot) = __ad::ops::mul_jvp(&a, &b, Some(&__a_dot), Some(&__b_dot));
    let (t3, __t3_dot) = __ad::ops::sub_jvp(&a, &b, Some(&__a_dot), Some(&__b_dot));
    ((t2, t3), (__t2_dot, __t3_dot))
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
mod pair {
    use super::*;
    use ::autodiff_runtime::__private as __ad;
    #[doc(hidden)]
    #[inline]
    pub fn __pullback(
        a: f64,
        b: f64,
    ) -> (
        (f64, f64),
        impl FnOnce(
            (
                __ad::Adjoint<<f64 as __ad::Value>::Tangent>,
                __ad::Adjoint<<f64 as __ad::Value>::Tangent>,
            ),
        ) -> (<f64 as __ad::Value>::Tangent, <f64 as __ad::Value>::Tangent) + use<>,
    ) {
        let a = a;
        let b = b;
        let (t2, (_, _)) = __ad::ops::mul(&a, &b);
        let (t3, (__t3_d0, __t3_d1)) = __ad::ops::sub(&a, &b);
        (
            (t2, t3),
            move |(__seed0, __seed1)| {
                let mut __t2_bar = __seed0;
                let mut __t3_bar = __seed1;
                let mut __a_bar = __ad::Adjoint::zero();
                let mut __b_bar = __ad::Adjoint::zero();
                __ad::ops::sub_vjp(&__t3_bar, &mut __a_bar, &__t3_d0);
                __ad::ops::sub_vjp(&__t3_bar, &mut __b_bar, &__t3_d1);
                __ad::ops::mul_vjp(&__t2_bar, &mut __a_bar, &__ad::Scale(b));
                __ad::ops::mul_vjp(&__t2_bar, &mut __b_bar, &__ad::Scale(a));
                (__a_bar.into_tangent(&a), __b_bar.into_tangent(&b))
            },
        )
    }
    #[doc(hidden)]
    #[inline]
    pub fn __jvp(
        a: f64,
        b: f64,
        __a_dot_in: Option<<f64 as __ad::Value>::Tangent>,
        __b_dot_in: Option<<f64 as __ad::Value>::Tangent>,
    ) -> ((f64, f64), <(f64, f64) as __ad::Value>::Tangent) {
        let __a_dot = match __a_dot_in {
            Some(t) => t,
            None => __ad::Value::zero_tangent(&a),
        };
        let __b_dot = match __b_dot_in {
            Some(t) => t,
            None => __ad::Value::zero_tangent(&b),
        };
        let a = a;
        let b = b;
        let (t2, __t2_dot) = __ad::ops::mul_jvp(&a, &b, Some(&__a_dot), Some(&__b_dot));
        let (t3, __t3_dot) = __ad::ops::sub_jvp(&a, &b, Some(&__a_dot), Some(&__b_dot));
        ((t2, t3), (__t2_dot, __t3_dot))
    }
    ///The Jacobian matrix of `pair` with respect to `a`, `b` by reverse mode (one vector-Jacobian product per output coordinate): row `i` is output coordinate `i`, column `j` input coordinate `j`, coordinates in order (tuple items in turn, arrays row-major).
    pub fn jacobian(a: f64, b: f64) -> __ad::ndarray::Array2<f64> {
        let (__value, _) = __pullback(
            ::core::clone::Clone::clone(&a),
            ::core::clone::Clone::clone(&b),
        );
        __ad::rows(
            &__ad::Value::zero_tangent(&__value),
            |__y_bar| {
                vjp(
                        ::core::clone::Clone::clone(&a),
                        ::core::clone::Clone::clone(&b),
                        __y_bar,
                    )
                    .1
            },
        )
    }
    ///The Jacobian matrix of `pair` with respect to `a`, `b` by forward mode (one Jacobian-vector product per input coordinate), laid out as `jacobian`.
    pub fn jacobian_fwd(a: f64, b: f64) -> __ad::ndarray::Array2<f64> {
        let __like = (__ad::Value::zero_tangent(&a), __ad::Value::zero_tangent(&b));
        __ad::columns(
            &__like,
            |(a_dir, b_dir)| {
                jvp(
                        ::core::clone::Clone::clone(&a),
                        ::core::clone::Clone::clone(&b),
                        a_dir,
                        b_dir,
                    )
                    .1
            },
        )
    }
    #[doc(hidden)]
    #[allow(unreachable_code)]
    pub fn __pullback_jet<__T: __ad::Lift<f64> + __ad::HigherOrder, const __N: usize>(
        a: __ad::Jet<__T, __N>,
        b: __ad::Jet<__T, __N>,
    ) -> (
        (__ad::Jet<__T, __N>, __ad::Jet<__T, __N>),
        impl FnOnce(
            (
                __ad::Adjoint<<__ad::Jet<__T, __N> as __ad::Value>::Tangent>,
                __ad::Adjoint<<__ad::Jet<__T, __N> as __ad::Value>::Tangent>,
            ),
        ) -> (
                <__ad::Jet<__T, __N> as __ad::Value>::Tangent,
                <__ad::Jet<__T, __N> as __ad::Value>::Tangent,
            ) + use<__T, __N>,
    ) {
        (::core::unreachable!(), move |_| ::core::unreachable!())
    }
    ///`(value, ȳ·J)`: the value of `pair` and the cotangent of `a`, `b` for the output cotangent `y_bar` (reverse mode).
    #[inline]
    pub fn vjp(
        a: f64,
        b: f64,
        y_bar: <(f64, f64) as __ad::Value>::Tangent,
    ) -> ((f64, f64), (<f64 as __ad::Value>::Tangent, <f64 as __ad::Value>::Tangent)) {
        let (value, pullback) = __pullback(a, b);
        let (__g0, __g1) = pullback((
            __ad::Adjoint::new(y_bar.0),
            __ad::Adjoint::new(y_bar.1),
        ));
        (value, (__g0, __g1))
    }
    ///`(value, J·ẋ)`: the value of `pair` and its tangent for the tangents of `a`, `b`, given after the inputs (forward mode).
    #[inline]
    pub fn jvp(
        a: f64,
        b: f64,
        a_dot: <f64 as __ad::Value>::Tangent,
        b_dot: <f64 as __ad::Value>::Tangent,
    ) -> ((f64, f64), <(f64, f64) as __ad::Value>::Tangent) {
        __jvp(a, b, Some(a_dot), Some(b_dot))
    }
    /// The generated sweeps of this module, pretty-printed.
    pub const SOURCE: &str = "#[doc(hidden)]\n#[inline]\npub fn __pullback(\n    a: f64,\n    b: f64,\n) -> (\n    (f64, f64),\n    impl FnOnce(\n        (\n            __ad::Adjoint<<f64 as __ad::Value>::Tangent>,\n            __ad::Adjoint<<f64 as __ad::Value>::Tangent>,\n        ),\n    ) -> (<f64 as __ad::Value>::Tangent, <f64 as __ad::Value>::Tangent) + use<>,\n) {\n    let a = a;\n    let b = b;\n    let (t2, (_, _)) = __ad::ops::mul(&a, &b);\n    let (t3, (__t3_d0, __t3_d1)) = __ad::ops::sub(&a, &b);\n    (\n        (t2, t3),\n        move |(__seed0, __seed1)| {\n            let mut __t2_bar = __seed0;\n            let mut __t3_bar = __seed1;\n            let mut __a_bar = __ad::Adjoint::zero();\n            let mut __b_bar = __ad::Adjoint::zero();\n            __ad::ops::sub_vjp(&__t3_bar, &mut __a_bar, &__t3_d0);\n            __ad::ops::sub_vjp(&__t3_bar, &mut __b_bar, &__t3_d1);\n            __ad::ops::mul_vjp(&__t2_bar, &mut __a_bar, &__ad::Scale(b));\n            __ad::ops::mul_vjp(&__t2_bar, &mut __b_bar, &__ad::Scale(a));\n            (__a_bar.into_tangent(&a), __b_bar.into_tangent(&b))\n        },\n    )\n}\n#[doc(hidden)]\n#[inline]\npub fn __jvp(\n    a: f64,\n    b: f64,\n    __a_dot_in: Option<<f64 as __ad::Value>::Tangent>,\n    __b_dot_in: Option<<f64 as __ad::Value>::Tangent>,\n) -> ((f64, f64), <(f64, f64) as __ad::Value>::Tangent) {\n    let __a_dot = match __a_dot_in {\n        Some(t) => t,\n        None => __ad::Value::zero_tangent(&a),\n    };\n    let __b_dot = match __b_dot_in {\n        Some(t) => t,\n        None => __ad::Value::zero_tangent(&b),\n    };\n    let a = a;\n    let b = b;\n    let (t2, __t2_dot) = __ad::ops::mul_jvp(&a, &b, Some(&__a_dot), Some(&__b_dot));\n    let (t3, __t3_dot) = __ad::ops::sub_jvp(&a, &b, Some(&__a_dot), Some(&__b_dot));\n    ((t2, t3), (__t2_dot, __t3_dot))\n}\n";
}
fn uses_pair(x: f64) -> f64 {
    let (p, q) = pair(x, 3.0);
    p * q
}
const _: () = {
    let _ = uses_pair;
};
/**Derivatives of `uses_pair`, generated at compile time by `#[differentiable]`.

Active inputs: `x`.

# Generated code

```text
#[doc(hidden)]
#[inline]
pub fn __pullback(
    x: f64,
) -> (
    f64,
    impl FnOnce(
        __ad::Adjoint<<f64 as __ad::Value>::Tangent>,
    ) -> (<f64 as __ad::Value>::Tangent,) + use<>,
) {
    let x = x;
    let ((p, q), __p_pb) = super::pair::__pullback(x, 3.0);
    let (t3, (_, _)) = __ad::ops::mul(&p, &q);
    (
        t3,
        move |__seed0| {
            let mut __t3_bar = __seed0;
            let mut __x_bar = __ad::Adjoint::zero();
            let mut __p_bar = __ad::Adjoint::zero();
            let mut __q_bar = __ad::Adjoint::zero();
            __ad::ops::mul_vjp(&__t3_bar, &mut __p_bar, &__ad::Scale(q));
            __ad::ops::mul_vjp(&__t3_bar, &mut __q_bar, &__ad::Scale(p));
            let (__c0, _) = __p_pb((__p_bar, __q_bar));
            __ad::ops::accumulate(&mut __x_bar, __c0);
            (__x_bar.into_tangent(&x),)
        },
    )
}
#[doc(hidden)]
#[inline]
pub fn __jvp(
    x: f64,
    __x_dot_in: Option<<f64 as __ad::Value>::Tangent>,
) -> (f64, <f64 as __ad::Value>::Tangent) {
    let __x_dot = match __x_dot_in {
        Some(t) => t,
        None => __ad::Value::zero_tangent(&x),
    };
    let x = x;
    let ((p, q), (__p_dot, __q_dot)) = super::pair::__jvp(x, 3.0, Some(__x_dot), None);
    let (t3, __t3_dot) = __ad::ops::mul_jvp(&p, &q, Some(&__p_dot), Some(&__q_dot));
    (t3, __t3_dot)
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
mod uses_pair {
    use super::*;
    use ::autodiff_runtime::__private as __ad;
    #[doc(hidden)]
    #[inline]
    pub fn __pullback(
        x: f64,
    ) -> (
        f64,
        impl FnOnce(
            __ad::Adjoint<<f64 as __ad::Value>::Tangent>,
        ) -> (<f64 as __ad::Value>::Tangent,) + use<>,
    ) {
        let x = x;
        let ((p, q), __p_pb) = super::pair::__pullback(x, 3.0);
        let (t3, (_, _)) = __ad::ops::mul(&p, &q);
        (
            t3,
            move |__seed0| {
                let mut __t3_bar = __seed0;
                let mut __x_bar = __ad::Adjoint::zero();
                let mut __p_bar = __ad::Adjoint::zero();
                let mut __q_bar = __ad::Adjoint::zero();
                __ad::ops::mul_vjp(&__t3_bar, &mut __p_bar, &__ad::Scale(q));
                __ad::ops::mul_vjp(&__t3_bar, &mut __q_bar, &__ad::Scale(p));
                let (__c0, _) = __p_pb((__p_bar, __q_bar));
                __ad::ops::accumulate(&mut __x_bar, __c0);
                (__x_bar.into_tangent(&x),)
            },
        )
    }
    #[doc(hidden)]
    #[inline]
    pub fn __jvp(
        x: f64,
        __x_dot_in: Option<<f64 as __ad::Value>::Tangent>,
    ) -> (f64, <f64 as __ad::Value>::Tangent) {
        let __x_dot = match __x_dot_in {
            Some(t) => t,
            None => __ad::Value::zero_tangent(&x),
        };
        let x = x;
        let ((p, q), (__p_dot, __q_dot)) = super::pair::__jvp(
            x,
            3.0,
            Some(__x_dot),
            None,
        );
        let (t3, __t3_dot) = __ad::ops::mul_jvp(&p, &q, Some(&__p_dot), Some(&__q_dot));
        (t3, __t3_dot)
    }
    ///The Jacobian matrix of `uses_pair` with respect to `x` by reverse mode (one vector-Jacobian product per output coordinate): row `i` is output coordinate `i`, column `j` input coordinate `j`, coordinates in order (tuple items in turn, arrays row-major).
    pub fn jacobian(x: f64) -> __ad::ndarray::Array2<f64> {
        let (__value, _) = __pullback(::core::clone::Clone::clone(&x));
        __ad::rows(
            &__ad::Value::zero_tangent(&__value),
            |__y_bar| vjp(::core::clone::Clone::clone(&x), __y_bar).1,
        )
    }
    ///The Jacobian matrix of `uses_pair` with respect to `x` by forward mode (one Jacobian-vector product per input coordinate), laid out as `jacobian`.
    pub fn jacobian_fwd(x: f64) -> __ad::ndarray::Array2<f64> {
        let __like = (__ad::Value::zero_tangent(&x),);
        __ad::columns(&__like, |(x_dir,)| jvp(::core::clone::Clone::clone(&x), x_dir).1)
    }
    ///The elementwise gradient of `uses_pair` (autograd's `elementwise_grad`): the vector-Jacobian product with a cotangent of ones, which for a function acting elementwise is each output element's derivative with respect to its own input element.
    pub fn egrad(x: f64) -> <f64 as __ad::Value>::Tangent {
        let (__value, __pb) = __pullback(x);
        let __seed = __ad::Coords::ones(&__ad::Value::zero_tangent(&__value));
        let (__g,) = __pb(__ad::Adjoint::new(__seed));
        __g
    }
    #[doc(hidden)]
    #[allow(unreachable_code)]
    pub fn __pullback_jet<__T: __ad::Lift<f64> + __ad::HigherOrder, const __N: usize>(
        x: __ad::Jet<__T, __N>,
    ) -> (
        __ad::Jet<__T, __N>,
        impl FnOnce(
            __ad::Adjoint<<__ad::Jet<__T, __N> as __ad::Value>::Tangent>,
        ) -> (<__ad::Jet<__T, __N> as __ad::Value>::Tangent,) + use<__T, __N>,
    ) {
        (::core::unreachable!(), move |_| ::core::unreachable!())
    }
    ///The gradient of `uses_pair` with respect to `x`, at the given inputs.
    #[inline]
    pub fn grad(x: f64) -> <f64 as __ad::Value>::Tangent {
        value_and_grad(x).1
    }
    ///`(value, gradient)` of `uses_pair` with respect to `x`: one forward and one reverse sweep.
    #[inline]
    pub fn value_and_grad(x: f64) -> (f64, <f64 as __ad::Value>::Tangent) {
        let (value, pullback) = __pullback(x);
        let (__g0,) = pullback(__ad::Adjoint::new(__ad::Scalar::one_tangent(&value)));
        (value, __g0)
    }
    ///`(value, ȳ·J)`: the value of `uses_pair` and the cotangent of `x` for the output cotangent `y_bar` (reverse mode).
    #[inline]
    pub fn vjp(
        x: f64,
        y_bar: <f64 as __ad::Value>::Tangent,
    ) -> (f64, <f64 as __ad::Value>::Tangent) {
        let (value, pullback) = __pullback(x);
        let (__g0,) = pullback(__ad::Adjoint::new(y_bar));
        (value, __g0)
    }
    ///`(value, J·ẋ)`: the value of `uses_pair` and its tangent for the tangents of `x`, given after the inputs (forward mode).
    #[inline]
    pub fn jvp(
        x: f64,
        x_dot: <f64 as __ad::Value>::Tangent,
    ) -> (f64, <f64 as __ad::Value>::Tangent) {
        __jvp(x, Some(x_dot))
    }
    /// The generated sweeps of this module, pretty-printed.
    pub const SOURCE: &str = "#[doc(hidden)]\n#[inline]\npub fn __pullback(\n    x: f64,\n) -> (\n    f64,\n    impl FnOnce(\n        __ad::Adjoint<<f64 as __ad::Value>::Tangent>,\n    ) -> (<f64 as __ad::Value>::Tangent,) + use<>,\n) {\n    let x = x;\n    let ((p, q), __p_pb) = super::pair::__pullback(x, 3.0);\n    let (t3, (_, _)) = __ad::ops::mul(&p, &q);\n    (\n        t3,\n        move |__seed0| {\n            let mut __t3_bar = __seed0;\n            let mut __x_bar = __ad::Adjoint::zero();\n            let mut __p_bar = __ad::Adjoint::zero();\n            let mut __q_bar = __ad::Adjoint::zero();\n            __ad::ops::mul_vjp(&__t3_bar, &mut __p_bar, &__ad::Scale(q));\n            __ad::ops::mul_vjp(&__t3_bar, &mut __q_bar, &__ad::Scale(p));\n            let (__c0, _) = __p_pb((__p_bar, __q_bar));\n            __ad::ops::accumulate(&mut __x_bar, __c0);\n            (__x_bar.into_tangent(&x),)\n        },\n    )\n}\n#[doc(hidden)]\n#[inline]\npub fn __jvp(\n    x: f64,\n    __x_dot_in: Option<<f64 as __ad::Value>::Tangent>,\n) -> (f64, <f64 as __ad::Value>::Tangent) {\n    let __x_dot = match __x_dot_in {\n        Some(t) => t,\n        None => __ad::Value::zero_tangent(&x),\n    };\n    let x = x;\n    let ((p, q), (__p_dot, __q_dot)) = super::pair::__jvp(x, 3.0, Some(__x_dot), None);\n    let (t3, __t3_dot) = __ad::ops::mul_jvp(&p, &q, Some(&__p_dot), Some(&__q_dot));\n    (t3, __t3_dot)\n}\n";
}
