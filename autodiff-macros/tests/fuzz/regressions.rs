// Inputs on which the macro once panicked, expanded to code that does not parse, or reported
// an error at the call site; the fuzz test (`src/fuzz.rs`) checks them as it checks its cases.
// Parsed, never compiled.

// Arguments cut short: syn reports them at the end of the input.
#[differentiable(order =)]
fn order_without_value(x: f64) -> f64 {
    x
}

#[differentiable(wrt(x), order)]
fn order_alone(x: f64) -> f64 {
    x
}

#[differentiable(wrt)]
fn wrt_without_list(x: f64) -> f64 {
    x
}

// Spanned on tokens that are not there: no parameters, a `where` without generics.
#[differentiable]
fn no_parameters() -> f64 {
    1.0
}

#[differentiable]
fn empty_where(x: f64) -> f64
where
{
    x
}

// A `mapv` closure whose body is an expression but not a statement.
#[differentiable]
fn closure_body(x: &Array1<f64>) -> f64 {
    x.mapv(|v| if v > 0.0 { v * v } < { 0.5 * v }).sum()
}

// What the jet copy, which replaces `f64` and float literals token by token, cannot copy.
#[differentiable(order = 2)]
fn float_type_as_value(x: f64, n: usize) -> f64 {
    let j = n;
    x * (f64 as j) + f64.sin() + x.powf(f64)
}

#[differentiable(order = 2)]
fn float_type_as_name(f64: f64) -> f64 {
    f64 * 2.0
}

#[differentiable]
fn float_type_with_arguments(w: &f64<f64>, x: f64) -> f64 {
    x
}

#[differentiable(order = 2)]
fn float_pattern(x: f64, k: i32) -> f64 {
    match k {
        1.0 => x,
        _ => x * x,
    }
}

#[differentiable]
fn float_in_type(x: &Array1<0.5>) -> f64 {
    x.sum()
}

// A trailing `+`, which syn accepts here but not in `<T as Trait>`.
#[differentiable]
fn trailing_plus(z: Complex64) -> Complex64 + {
    z * z
}

// What prettyplease, which prints `SOURCE`, panics on: syntax that syn keeps as tokens, and
// `macro_rules!` whose rules it does not read.
#[differentiable(order = 2)]
fn verbatim_item(x: f64) -> f64 {
    static k = x.floor();
    let s = x.signum();
    (x - k) * s
}

#[differentiable]
fn odd_macro_rules(x: f64) -> f64 {
    macro_rules! m {
        x
    }
    x
}

// A call's result bound to `()`: its pullback had no value to take its name from.
#[differentiable]
fn unit_pattern(x: f64) -> f64 {
    let () = pair(x, 3.0);
    x
}
