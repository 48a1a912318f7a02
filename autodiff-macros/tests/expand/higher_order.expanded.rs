fn sinc(x: f64) -> f64 {
    let mut s = x.sin();
    if x != 0.0 {
        s = s / x;
    } else {
        s = 1.0;
    }
    s
}
const _: () = {
    let _ = sinc;
};
/**Derivatives of `sinc`, generated at compile time by `#[differentiable]`.

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
    let mut __tape3 = __ad::Slot::new();
    let x = x;
    let (s, __s_d) = __ad::ops::sin(&x);
    let (s_2, __tag2) = if (x != 0.0) {
        let (s_1, (__s_1_d0, __s_1_d1)) = __ad::ops::div(&s, &x);
        __tape3.push((__s_1_d0, __s_1_d1));
        (s_1, 0usize)
    } else {
        let mut s = 1.0;
        (__ad::carry(s), 1usize)
    };
    (
        s_2,
        move |__seed0| {
            let mut __s_2_bar = __seed0;
            let mut __x_bar = __ad::Adjoint::zero();
            let mut __s_bar = __ad::Adjoint::zero();
            match __tag2 {
                0usize => {
                    let (__s_1_d0, __s_1_d1) = __tape3.pop();
                    let mut __s_1_bar = __ad::Adjoint::zero();
                    __s_1_bar.merge(__s_2_bar);
                    __ad::ops::div_vjp(&__s_1_bar, &mut __s_bar, &__s_1_d0);
                    __ad::ops::div_vjp(&__s_1_bar, &mut __x_bar, &__s_1_d1);
                }
                1usize => {}
                _ => ::core::unreachable!("branch tag out of range"),
            }
            __ad::ops::sin_vjp(__s_bar, &mut __x_bar, __s_d);
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
    let (s, __s_dot) = __ad::ops::sin_jvp(&x, &__x_dot);
    let (s_2, __s_2_dot) = if (x != 0.0) {
        let (s_1, __s_1_dot) = __ad::ops::div_jvp(
            &s,
            &x,
            Some(&__s_dot),
            Some(&__x_dot),
        );
        let __arm_dot0 = __s_1_dot;
        (s_1, __arm_dot0)
    } else {
        let mut s = 1.0;
        let __arm_dot0 = __ad::Value::zero_tangent(&s);
        (s, __arm_dot0)
    };
    (s_2, __s_2_dot)
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
mod sinc {
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
        let mut __tape3 = __ad::Slot::new();
        let x = x;
        let (s, __s_d) = __ad::ops::sin(&x);
        let (s_2, __tag2) = if (x != 0.0) {
            let (s_1, (__s_1_d0, __s_1_d1)) = __ad::ops::div(&s, &x);
            __tape3.push((__s_1_d0, __s_1_d1));
            (s_1, 0usize)
        } else {
            let mut s = 1.0;
            (__ad::carry(s), 1usize)
        };
        (
            s_2,
            move |__seed0| {
                let mut __s_2_bar = __seed0;
                let mut __x_bar = __ad::Adjoint::zero();
                let mut __s_bar = __ad::Adjoint::zero();
                match __tag2 {
                    0usize => {
                        let (__s_1_d0, __s_1_d1) = __tape3.pop();
                        let mut __s_1_bar = __ad::Adjoint::zero();
                        __s_1_bar.merge(__s_2_bar);
                        __ad::ops::div_vjp(&__s_1_bar, &mut __s_bar, &__s_1_d0);
                        __ad::ops::div_vjp(&__s_1_bar, &mut __x_bar, &__s_1_d1);
                    }
                    1usize => {}
                    _ => ::core::unreachable!("branch tag out of range"),
                }
                __ad::ops::sin_vjp(__s_bar, &mut __x_bar, __s_d);
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
        let (s, __s_dot) = __ad::ops::sin_jvp(&x, &__x_dot);
        let (s_2, __s_2_dot) = if (x != 0.0) {
            let (s_1, __s_1_dot) = __ad::ops::div_jvp(
                &s,
                &x,
                Some(&__s_dot),
                Some(&__x_dot),
            );
            let __arm_dot0 = __s_1_dot;
            (s_1, __arm_dot0)
        } else {
            let mut s = 1.0;
            let __arm_dot0 = __ad::Value::zero_tangent(&s);
            (s, __arm_dot0)
        };
        (s_2, __s_2_dot)
    }
    ///The Jacobian matrix of `sinc` with respect to `x` by reverse mode (one vector-Jacobian product per output coordinate): row `i` is output coordinate `i`, column `j` input coordinate `j`, coordinates in order (tuple items in turn, arrays row-major).
    pub fn jacobian(x: f64) -> __ad::ndarray::Array2<f64> {
        let (__value, _) = __pullback(::core::clone::Clone::clone(&x));
        __ad::rows(
            &__ad::Value::zero_tangent(&__value),
            |__y_bar| vjp(::core::clone::Clone::clone(&x), __y_bar).1,
        )
    }
    ///The Jacobian matrix of `sinc` with respect to `x` by forward mode (one Jacobian-vector product per input coordinate), laid out as `jacobian`.
    pub fn jacobian_fwd(x: f64) -> __ad::ndarray::Array2<f64> {
        let __like = (__ad::Value::zero_tangent(&x),);
        __ad::columns(&__like, |(x_dir,)| jvp(::core::clone::Clone::clone(&x), x_dir).1)
    }
    ///The elementwise gradient of `sinc` (autograd's `elementwise_grad`): the vector-Jacobian product with a cotangent of ones, which for a function acting elementwise is each output element's derivative with respect to its own input element.
    pub fn egrad(x: f64) -> <f64 as __ad::Value>::Tangent {
        let (__value, __pb) = __pullback(x);
        let __seed = __ad::Coords::ones(&__ad::Value::zero_tangent(&__value));
        let (__g,) = __pb(__ad::Adjoint::new(__seed));
        __g
    }
    #[doc(hidden)]
    #[inline]
    pub fn __pullback_jet<__T: __ad::Lift<f64>, const __N: usize>(
        x: __ad::Jet<__T, __N>,
    ) -> (
        __ad::Jet<__T, __N>,
        impl FnOnce(
            __ad::Adjoint<<__ad::Jet<__T, __N> as __ad::Value>::Tangent>,
        ) -> (<__ad::Jet<__T, __N> as __ad::Value>::Tangent,) + use<__T, __N>,
    ) {
        #[allow(unused_imports)]
        use __ad::Float as _;
        let mut __tape3 = __ad::Slot::new();
        let x = x;
        let (s, __s_d) = __ad::ops::sin(&x);
        let (s_2, __tag2) = if (x
            != (<__ad::Jet<__T, __N> as __ad::Real>::c(0.0 as f64)))
        {
            let (s_1, (__s_1_d0, __s_1_d1)) = __ad::ops::div(&s, &x);
            __tape3.push((__s_1_d0, __s_1_d1));
            (s_1, 0usize)
        } else {
            let mut s = (<__ad::Jet<__T, __N> as __ad::Real>::c(1.0 as f64));
            (__ad::lift_carry::<__ad::Jet<__T, __N>, _>(s), 1usize)
        };
        (
            s_2,
            move |__seed0| {
                let mut __s_2_bar = __seed0;
                let mut __x_bar = __ad::Adjoint::zero();
                let mut __s_bar = __ad::Adjoint::zero();
                match __tag2 {
                    0usize => {
                        let (__s_1_d0, __s_1_d1) = __tape3.pop();
                        let mut __s_1_bar = __ad::Adjoint::zero();
                        __s_1_bar.merge(__s_2_bar);
                        __ad::ops::div_vjp(&__s_1_bar, &mut __s_bar, &__s_1_d0);
                        __ad::ops::div_vjp(&__s_1_bar, &mut __x_bar, &__s_1_d1);
                    }
                    1usize => {}
                    _ => ::core::unreachable!("branch tag out of range"),
                }
                __ad::ops::sin_vjp(__s_bar, &mut __x_bar, __s_d);
                (__x_bar.into_tangent(&x),)
            },
        )
    }
    ///The derivatives of `sinc` of orders `0..K` along the line through the inputs in the given directions (of `x`): element `k` is `dᵏ/dtᵏ sinc(x + t·v)` at `t = 0`. One Taylor-mode pass, exact to rounding.
    pub fn taylor<const __K: usize>(
        x: f64,
        x_dir: <f64 as __ad::Value>::Tangent,
    ) -> [f64; __K] {
        let (__y, _) = __pullback_jet::<
            _,
            __K,
        >(<_ as __ad::Taylor<__K>>::line(&x, &x_dir));
        ::core::array::from_fn(|__k| <f64 as __ad::Taylor<__K>>::derivative(&__y, __k))
    }
    ///The derivatives of `sinc` of orders `0..K` with respect to `x`: element `k` is the `k`-th derivative (for an array input, of each output element with respect to every input element moving together, which is each element's own derivative when `sinc` acts elementwise). One Taylor-mode pass, exact to rounding.
    pub fn derivatives<const __K: usize>(x: f64) -> [f64; __K] {
        let (__y, _) = __pullback_jet::<_, __K>(<_ as __ad::Taylor<__K>>::variable(&x));
        ::core::array::from_fn(|__k| <f64 as __ad::Taylor<__K>>::derivative(&__y, __k))
    }
    ///The Hessian of `sinc` with respect to `x` times the directions `v` (one per input, after the inputs), by forward mode over reverse mode: one gradient computed with dual numbers, without forming the Hessian.
    pub fn hvp(
        x: f64,
        x_dir: <f64 as __ad::Value>::Tangent,
    ) -> <f64 as __ad::Value>::Tangent {
        let (__y, __pb) = __pullback_jet::<
            _,
            2,
        >(<_ as __ad::Taylor<2>>::line(&x, &x_dir));
        let (__g_x,) = __pb(__ad::Adjoint::new(__ad::Scalar::one_tangent(&__y)));
        <<f64 as __ad::Value>::Tangent as __ad::Taylor<2>>::derivative(&__g_x, 1)
    }
    ///The Hessian matrix of `sinc` with respect to `x`, coordinates in parameter order (arrays row-major), one Hessian-vector product per coordinate.
    pub fn hessian(x: f64) -> __ad::ndarray::Array2<f64> {
        let __like = (__ad::Value::zero_tangent(&x),);
        __ad::columns(&__like, |(x_dir,)| hvp(::core::clone::Clone::clone(&x), x_dir))
    }
    const _: () = {
        let _ = grad;
    };
    /**Derivatives of `grad`, generated at compile time by `#[differentiable]`.

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
    let (__y, _) = super::__pullback_jet::<_, 3>(<_ as __ad::Taylor<3>>::variable(&x));
    let (__g, __dg) = (__y.derivative(1usize), __y.derivative(2usize));
    (__g, move |__seed| (__seed.into_tangent(&__g) * __dg,))
}
#[doc(hidden)]
#[inline]
pub fn __jvp(x: f64, __x_dot_in: Option<<f64 as __ad::Value>::Tangent>) -> (f64, f64) {
    let (__y, _) = super::__pullback_jet::<_, 3>(<_ as __ad::Taylor<3>>::variable(&x));
    let (__g, __dg) = (__y.derivative(1usize), __y.derivative(2usize));
    (__g, __x_dot_in.map_or(__ad::Value::zero_tangent(&__g), |t| t * __dg))
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
    pub mod grad {
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
            let (__y, _) = super::__pullback_jet::<
                _,
                3,
            >(<_ as __ad::Taylor<3>>::variable(&x));
            let (__g, __dg) = (__y.derivative(1usize), __y.derivative(2usize));
            (__g, move |__seed| (__seed.into_tangent(&__g) * __dg,))
        }
        #[doc(hidden)]
        #[inline]
        pub fn __jvp(
            x: f64,
            __x_dot_in: Option<<f64 as __ad::Value>::Tangent>,
        ) -> (f64, f64) {
            let (__y, _) = super::__pullback_jet::<
                _,
                3,
            >(<_ as __ad::Taylor<3>>::variable(&x));
            let (__g, __dg) = (__y.derivative(1usize), __y.derivative(2usize));
            (__g, __x_dot_in.map_or(__ad::Value::zero_tangent(&__g), |t| t * __dg))
        }
        #[doc(hidden)]
        #[inline]
        pub fn __pullback_jet<__T: __ad::Lift<f64>, const __N: usize>(
            x: __ad::Jet<__T, __N>,
        ) -> (
            __ad::Jet<__T, __N>,
            impl FnOnce(
                __ad::Adjoint<<__ad::Jet<__T, __N> as __ad::Value>::Tangent>,
            ) -> (<__ad::Jet<__T, __N> as __ad::Value>::Tangent,) + use<__T, __N>,
        ) {
            let (__y, _) = super::__pullback_jet::<
                _,
                3,
            >(<_ as __ad::Taylor<3>>::variable(&x));
            let (__g, __dg) = (__y.derivative(1usize), __y.derivative(2usize));
            (__g, move |__seed| (__seed.into_tangent(&__g) * __dg,))
        }
        ///The gradient of `grad` with respect to `x`, at the given inputs.
        #[inline]
        pub fn grad(x: f64) -> <f64 as __ad::Value>::Tangent {
            value_and_grad(x).1
        }
        ///`(value, gradient)` of `grad` with respect to `x`: one forward and one reverse sweep.
        #[inline]
        pub fn value_and_grad(x: f64) -> (f64, <f64 as __ad::Value>::Tangent) {
            let (value, pullback) = __pullback(x);
            let (__g0,) = pullback(
                __ad::Adjoint::new(__ad::Scalar::one_tangent(&value)),
            );
            (value, __g0)
        }
        ///`(value, ȳ·J)`: the value of `grad` and the cotangent of `x` for the output cotangent `y_bar` (reverse mode).
        #[inline]
        pub fn vjp(
            x: f64,
            y_bar: <f64 as __ad::Value>::Tangent,
        ) -> (f64, <f64 as __ad::Value>::Tangent) {
            let (value, pullback) = __pullback(x);
            let (__g0,) = pullback(__ad::Adjoint::new(y_bar));
            (value, __g0)
        }
        ///`(value, J·ẋ)`: the value of `grad` and its tangent for the tangents of `x`, given after the inputs (forward mode).
        #[inline]
        pub fn jvp(
            x: f64,
            x_dot: <f64 as __ad::Value>::Tangent,
        ) -> (f64, <f64 as __ad::Value>::Tangent) {
            __jvp(x, Some(x_dot))
        }
        /// The generated sweeps of this module, pretty-printed.
        pub const SOURCE: &str = "#[doc(hidden)]\n#[inline]\npub fn __pullback(\n    x: f64,\n) -> (\n    f64,\n    impl FnOnce(\n        __ad::Adjoint<<f64 as __ad::Value>::Tangent>,\n    ) -> (<f64 as __ad::Value>::Tangent,) + use<>,\n) {\n    let (__y, _) = super::__pullback_jet::<_, 3>(<_ as __ad::Taylor<3>>::variable(&x));\n    let (__g, __dg) = (__y.derivative(1usize), __y.derivative(2usize));\n    (__g, move |__seed| (__seed.into_tangent(&__g) * __dg,))\n}\n#[doc(hidden)]\n#[inline]\npub fn __jvp(x: f64, __x_dot_in: Option<<f64 as __ad::Value>::Tangent>) -> (f64, f64) {\n    let (__y, _) = super::__pullback_jet::<_, 3>(<_ as __ad::Taylor<3>>::variable(&x));\n    let (__g, __dg) = (__y.derivative(1usize), __y.derivative(2usize));\n    (__g, __x_dot_in.map_or(__ad::Value::zero_tangent(&__g), |t| t * __dg))\n}\n";
    }
    ///The gradient of `sinc` with respect to `x`, at the given inputs.
    #[inline]
    pub fn grad(x: f64) -> <f64 as __ad::Value>::Tangent {
        value_and_grad(x).1
    }
    ///`(value, gradient)` of `sinc` with respect to `x`: one forward and one reverse sweep.
    #[inline]
    pub fn value_and_grad(x: f64) -> (f64, <f64 as __ad::Value>::Tangent) {
        let (value, pullback) = __pullback(x);
        let (__g0,) = pullback(__ad::Adjoint::new(__ad::Scalar::one_tangent(&value)));
        (value, __g0)
    }
    ///`(value, ȳ·J)`: the value of `sinc` and the cotangent of `x` for the output cotangent `y_bar` (reverse mode).
    #[inline]
    pub fn vjp(
        x: f64,
        y_bar: <f64 as __ad::Value>::Tangent,
    ) -> (f64, <f64 as __ad::Value>::Tangent) {
        let (value, pullback) = __pullback(x);
        let (__g0,) = pullback(__ad::Adjoint::new(y_bar));
        (value, __g0)
    }
    ///`(value, J·ẋ)`: the value of `sinc` and its tangent for the tangents of `x`, given after the inputs (forward mode).
    #[inline]
    pub fn jvp(
        x: f64,
        x_dot: <f64 as __ad::Value>::Tangent,
    ) -> (f64, <f64 as __ad::Value>::Tangent) {
        __jvp(x, Some(x_dot))
    }
    /// The generated sweeps of this module, pretty-printed.
    pub const SOURCE: &str = "#[doc(hidden)]\n#[inline]\npub fn __pullback(\n    x: f64,\n) -> (\n    f64,\n    impl FnOnce(\n        __ad::Adjoint<<f64 as __ad::Value>::Tangent>,\n    ) -> (<f64 as __ad::Value>::Tangent,) + use<>,\n) {\n    let mut __tape3 = __ad::Slot::new();\n    let x = x;\n    let (s, __s_d) = __ad::ops::sin(&x);\n    let (s_2, __tag2) = if (x != 0.0) {\n        let (s_1, (__s_1_d0, __s_1_d1)) = __ad::ops::div(&s, &x);\n        __tape3.push((__s_1_d0, __s_1_d1));\n        (s_1, 0usize)\n    } else {\n        let mut s = 1.0;\n        (__ad::carry(s), 1usize)\n    };\n    (\n        s_2,\n        move |__seed0| {\n            let mut __s_2_bar = __seed0;\n            let mut __x_bar = __ad::Adjoint::zero();\n            let mut __s_bar = __ad::Adjoint::zero();\n            match __tag2 {\n                0usize => {\n                    let (__s_1_d0, __s_1_d1) = __tape3.pop();\n                    let mut __s_1_bar = __ad::Adjoint::zero();\n                    __s_1_bar.merge(__s_2_bar);\n                    __ad::ops::div_vjp(&__s_1_bar, &mut __s_bar, &__s_1_d0);\n                    __ad::ops::div_vjp(&__s_1_bar, &mut __x_bar, &__s_1_d1);\n                }\n                1usize => {}\n                _ => ::core::unreachable!(\"branch tag out of range\"),\n            }\n            __ad::ops::sin_vjp(__s_bar, &mut __x_bar, __s_d);\n            (__x_bar.into_tangent(&x),)\n        },\n    )\n}\n#[doc(hidden)]\n#[inline]\npub fn __jvp(\n    x: f64,\n    __x_dot_in: Option<<f64 as __ad::Value>::Tangent>,\n) -> (f64, <f64 as __ad::Value>::Tangent) {\n    let __x_dot = match __x_dot_in {\n        Some(t) => t,\n        None => __ad::Value::zero_tangent(&x),\n    };\n    let x = x;\n    let (s, __s_dot) = __ad::ops::sin_jvp(&x, &__x_dot);\n    let (s_2, __s_2_dot) = if (x != 0.0) {\n        let (s_1, __s_1_dot) = __ad::ops::div_jvp(\n            &s,\n            &x,\n            Some(&__s_dot),\n            Some(&__x_dot),\n        );\n        let __arm_dot0 = __s_1_dot;\n        (s_1, __arm_dot0)\n    } else {\n        let mut s = 1.0;\n        let __arm_dot0 = __ad::Value::zero_tangent(&s);\n        (s, __arm_dot0)\n    };\n    (s_2, __s_2_dot)\n}\n";
}
