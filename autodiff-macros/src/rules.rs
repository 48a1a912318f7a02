//! The macro's view of the primitive table: which method or operator maps to which runtime
//! rule, and how many differentiable arguments it takes.

/// How a rule is called.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arity {
    /// `x.f()`: `f(&x)`, `f_jvp(&x, &ẋ)`, `f_vjp(d, ȳ, &mut x̄)`.
    Unary,
    /// `a.f(b)` or `a ∘ b`: `Option`s for constant inputs.
    Binary,
    /// `a.f(b, c)`.
    Ternary,
    /// `x.powi(n)`, `x.sum_axis(Axis(k))`: one differentiable argument and a constant one.
    IntPow,
}

/// One differentiable primitive.
#[derive(Debug)]
pub struct Rule {
    /// Name of the primal function in `autodiff_runtime::ops`; `_jvp` and `_vjp` follow.
    pub name: &'static str,
    pub arity: Arity,
    /// Constant partials (`add`, `neg`, ...): the forward sweep saves nothing.
    pub linear: bool,
}

macro_rules! table {
    ($($arity:ident $linear:literal: $($name:ident)*;)*) => {
        /// Float methods (and the functions behind operators) that have a rule.
        pub static RULES: &[Rule] = &[$($(Rule { name: stringify!($name), arity: Arity::$arity, linear: $linear },)*)*];
    };
}

table! {
    Unary false: sin cos tan asin acos atan sinh cosh tanh asinh acosh atanh exp exp2 exp_m1 ln
        log2 log10 ln_1p sqrt cbrt recip abs;
    Unary true: neg to_degrees to_radians fract;
    Unary false: sum mean t reversed_axes inv det ln_abs_det cholesky amax amin norm_l2;
    Unary false: conj re im norm norm_sqr arg from_real fft ifft fft2 ifft2 fftn ifftn fftshift ifftshift;
    Binary false: add sub mul div powf log atan2 hypot max min dot solve convolve_full convolve_valid convolve_same
        convolve2d_full convolve2d_valid convolve2d_same outer concatenate2 stack2 set set_slice complex_new from_polar;
    Ternary false: mul_add clamp concatenate3 stack3;
    IntPow false: powi sum_axis mean_axis logsumexp softmax mapv index slice insert_axis index_axis select
        permuted_axes into_shape_with_order to_shape field element fft_axis ifft_axis fftshift_axes ifftshift_axes;
}

/// How many constant arguments a rule of arity [`Arity::IntPow`] takes after its
/// differentiable one.
pub fn constant_args(name: &str) -> usize {
    match name {
        "index_axis" | "select" | "field" => 2,
        _ => 1,
    }
}

/// Array methods that ndarray spells with an `Option` or `Result` (`x.mean().unwrap()`); their
/// rules return the value, so a following `.unwrap()` or `.expect(..)` is dropped.
pub static UNWRAPPED: &[&str] = &["mean", "mean_axis", "into_shape_with_order", "to_shape"];

/// Float methods whose result is piecewise constant or not a number: evaluated on primal
/// values, their results are constants (derivative zero wherever one exists).
pub static NON_DIFFERENTIABLE: &[&str] = &[
    "floor",
    "ceil",
    "round",
    "round_ties_even",
    "trunc",
    "signum",
    "is_nan",
    "is_finite",
    "is_infinite",
    "is_normal",
    "is_subnormal",
    "is_sign_positive",
    "is_sign_negative",
    "total_cmp",
    "partial_cmp",
    "to_bits",
    "classify",
    "det_sign",
    "nrows",
    "ncols",
    "len_of",
    "shape",
    "len",
    "ndim",
    "dim",
    "raw_dim",
    "is_empty",
];

/// Operators and the rule behind each.
pub fn binary_op(op: &syn::BinOp) -> Option<&'static str> {
    Some(match op {
        syn::BinOp::Add(_) | syn::BinOp::AddAssign(_) => "add",
        syn::BinOp::Sub(_) | syn::BinOp::SubAssign(_) => "sub",
        syn::BinOp::Mul(_) | syn::BinOp::MulAssign(_) => "mul",
        syn::BinOp::Div(_) | syn::BinOp::DivAssign(_) => "div",
        _ => return None,
    })
}

/// Rules that no method name reaches: operators, and what the macro lowers from other syntax
/// (`p.w`, `x[i]`, `concatenate(..)`, `stack(..)`).
fn internal(name: &str) -> bool {
    matches!(
        name,
        "neg"
            | "add"
            | "sub"
            | "mul"
            | "div"
            | "field"
            | "complex_new"
            | "from_polar"
            | "from_real"
            | "element"
            | "set"
            | "set_slice"
            | "concatenate2"
            | "concatenate3"
            | "stack2"
            | "stack3"
    )
}

pub fn lookup(name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.name == name && !internal(r.name))
}

/// The rule behind an operator, by runtime name.
pub fn by_name(name: &str) -> &'static Rule {
    RULES.iter().find(|r| r.name == name).expect("operator rule in the table")
}

/// The list of supported method names, for error messages.
pub fn method_list() -> String {
    let mut names: Vec<&str> = RULES.iter().map(|r| r.name).filter(|n| !internal(n)).collect();
    names.sort_unstable();
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_are_not_methods() {
        assert!(lookup("add").is_none());
        assert_eq!(lookup("sin").unwrap().arity, Arity::Unary);
        assert_eq!(lookup("powi").unwrap().arity, Arity::IntPow);
        assert!(method_list().contains("mul_add"));
        assert!(!method_list().contains("neg"));
    }
}
