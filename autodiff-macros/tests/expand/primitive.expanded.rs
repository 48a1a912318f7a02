fn softplus(x: f64) -> f64 {
    x.exp().ln_1p()
}
const _: () = {
    let _ = softplus;
};
/**Derivatives of `softplus`, generated at compile time by `#[differentiable]`.

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
    let __y = super::softplus(x);
    (
        __y,
        move |__seed| {
            let __y_bar = __seed.into_tangent(&__y);
            let __x_bar = super::softplus_vjp(x, __y, __y_bar);
            (__x_bar,)
        },
    )
}
#[doc(hidden)]
#[inline]
pub fn __jvp(
    x: f64,
    __x_dot_in: Option<<f64 as __ad::Value>::Tangent>,
) -> (f64, <f64 as __ad::Value>::Tangent) {
    let __y = super::softplus(x);
    let __y_dot = super::softplus_jvp(
        x,
        __y,
        match __x_dot_in {
            Some(t) => t,
            None => __ad::Value::zero_tangent(&x),
        },
    );
    (__y, __y_dot)
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
mod softplus {
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
        let __y = super::softplus(x);
        (
            __y,
            move |__seed| {
                let __y_bar = __seed.into_tangent(&__y);
                let __x_bar = super::softplus_vjp(x, __y, __y_bar);
                (__x_bar,)
            },
        )
    }
    #[doc(hidden)]
    #[inline]
    pub fn __jvp(
        x: f64,
        __x_dot_in: Option<<f64 as __ad::Value>::Tangent>,
    ) -> (f64, <f64 as __ad::Value>::Tangent) {
        let __y = super::softplus(x);
        let __y_dot = super::softplus_jvp(
            x,
            __y,
            match __x_dot_in {
                Some(t) => t,
                None => __ad::Value::zero_tangent(&x),
            },
        );
        (__y, __y_dot)
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
    ///The gradient of `softplus` with respect to `x`, at the given inputs.
    #[inline]
    pub fn grad(x: f64) -> <f64 as __ad::Value>::Tangent {
        value_and_grad(x).1
    }
    ///`(value, gradient)` of `softplus` with respect to `x`: one forward and one reverse sweep.
    #[inline]
    pub fn value_and_grad(x: f64) -> (f64, <f64 as __ad::Value>::Tangent) {
        let (value, pullback) = __pullback(x);
        let (__g0,) = pullback(__ad::Adjoint::new(__ad::Scalar::one_tangent(&value)));
        (value, __g0)
    }
    ///`(value, ȳ·J)`: the value of `softplus` and the cotangent of `x` for the output cotangent `y_bar` (reverse mode).
    #[inline]
    pub fn vjp(
        x: f64,
        y_bar: <f64 as __ad::Value>::Tangent,
    ) -> (f64, <f64 as __ad::Value>::Tangent) {
        let (value, pullback) = __pullback(x);
        let (__g0,) = pullback(__ad::Adjoint::new(y_bar));
        (value, __g0)
    }
    ///`(value, J·ẋ)`: the value of `softplus` and its tangent for the tangents of `x`, given after the inputs (forward mode).
    #[inline]
    pub fn jvp(
        x: f64,
        x_dot: <f64 as __ad::Value>::Tangent,
    ) -> (f64, <f64 as __ad::Value>::Tangent) {
        __jvp(x, Some(x_dot))
    }
    /// The generated sweeps of this module, pretty-printed.
    pub const SOURCE: &str = "#[doc(hidden)]\n#[inline]\npub fn __pullback(\n    x: f64,\n) -> (\n    f64,\n    impl FnOnce(\n        __ad::Adjoint<<f64 as __ad::Value>::Tangent>,\n    ) -> (<f64 as __ad::Value>::Tangent,) + use<>,\n) {\n    let __y = super::softplus(x);\n    (\n        __y,\n        move |__seed| {\n            let __y_bar = __seed.into_tangent(&__y);\n            let __x_bar = super::softplus_vjp(x, __y, __y_bar);\n            (__x_bar,)\n        },\n    )\n}\n#[doc(hidden)]\n#[inline]\npub fn __jvp(\n    x: f64,\n    __x_dot_in: Option<<f64 as __ad::Value>::Tangent>,\n) -> (f64, <f64 as __ad::Value>::Tangent) {\n    let __y = super::softplus(x);\n    let __y_dot = super::softplus_jvp(\n        x,\n        __y,\n        match __x_dot_in {\n            Some(t) => t,\n            None => __ad::Value::zero_tangent(&x),\n        },\n    );\n    (__y, __y_dot)\n}\n";
}
