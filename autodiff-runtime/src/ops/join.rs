//! `concatenate` and `stack` of two or three arrays, as `#[differentiable]` code writes them
//! (`concatenate(Axis(0), &[a.view(), b.view()]).unwrap()`): one partial per input.

// The partial tuples are spelled out, as in every rule.
#![allow(clippy::type_complexity)]

use super::{concatenate, concatenate_jvp, stack, stack_jvp};
use crate::Real;
use crate::array::{ConcatenatePart, StackPart};
use ndarray::{Array, ArrayBase, Axis, Data, Dimension, RemoveAxis};

/// The two parts of a two-input join.
fn two<P>(mut parts: Vec<P>) -> (P, P) {
    let b = parts.pop().expect("two parts");
    (parts.pop().expect("two parts"), b)
}

/// The three parts of a three-input join.
fn three<P>(mut parts: Vec<P>) -> (P, P, P) {
    let c = parts.pop().expect("three parts");
    let (a, b) = two(parts);
    (a, b, c)
}

/// `concatenate(axis, &[a, b])`.
///
/// ```
/// use ndarray::{array, Axis};
/// let (y, _) = autodiff_runtime::ops::concatenate2(&array![1.0f64], &array![2.0, 3.0], Axis(0));
/// assert_eq!(y, array![1.0, 2.0, 3.0]);
/// ```
#[track_caller]
pub fn concatenate2<T: Real, S: Data<Elem = T>, S2: Data<Elem = T>, D: RemoveAxis>(
    a: &ArrayBase<S, D>,
    b: &ArrayBase<S2, D>,
    axis: Axis,
) -> (Array<T, D>, (ConcatenatePart<T, D>, ConcatenatePart<T, D>)) {
    let (y, parts) = concatenate(axis, &[a.view(), b.view()]);
    (y, two(parts))
}

/// Forward mode of [`concatenate2`].
#[track_caller]
pub fn concatenate2_jvp<T: Real, S: Data<Elem = T>, S2: Data<Elem = T>, D: RemoveAxis>(
    a: &ArrayBase<S, D>,
    b: &ArrayBase<S2, D>,
    axis: Axis,
    a_dot: Option<&Array<T, D>>,
    b_dot: Option<&Array<T, D>>,
) -> (Array<T, D>, Array<T, D>) {
    concatenate_jvp(axis, &[a.view(), b.view()], &[a_dot, b_dot])
}

pull_vjp!(concatenate2, concatenate2_vjp);

/// `concatenate(axis, &[a, b, c])`.
#[track_caller]
pub fn concatenate3<T: Real, S: Data<Elem = T>, S2: Data<Elem = T>, S3: Data<Elem = T>, D: RemoveAxis>(
    a: &ArrayBase<S, D>,
    b: &ArrayBase<S2, D>,
    c: &ArrayBase<S3, D>,
    axis: Axis,
) -> (Array<T, D>, (ConcatenatePart<T, D>, ConcatenatePart<T, D>, ConcatenatePart<T, D>)) {
    let (y, parts) = concatenate(axis, &[a.view(), b.view(), c.view()]);
    (y, three(parts))
}

/// Forward mode of [`concatenate3`].
#[track_caller]
pub fn concatenate3_jvp<T: Real, S: Data<Elem = T>, S2: Data<Elem = T>, S3: Data<Elem = T>, D: RemoveAxis>(
    a: &ArrayBase<S, D>,
    b: &ArrayBase<S2, D>,
    c: &ArrayBase<S3, D>,
    axis: Axis,
    a_dot: Option<&Array<T, D>>,
    b_dot: Option<&Array<T, D>>,
    c_dot: Option<&Array<T, D>>,
) -> (Array<T, D>, Array<T, D>) {
    concatenate_jvp(axis, &[a.view(), b.view(), c.view()], &[a_dot, b_dot, c_dot])
}

pull_vjp!(concatenate3, concatenate3_vjp);

/// `stack(axis, &[a, b])`.
///
/// ```
/// use ndarray::{array, Axis};
/// let (y, _) = autodiff_runtime::ops::stack2(&array![1.0f64, 2.0], &array![3.0, 4.0], Axis(0));
/// assert_eq!(y, array![[1.0, 2.0], [3.0, 4.0]]);
/// ```
#[track_caller]
pub fn stack2<T: Real, S: Data<Elem = T>, S2: Data<Elem = T>, D: Dimension>(
    a: &ArrayBase<S, D>,
    b: &ArrayBase<S2, D>,
    axis: Axis,
) -> (Array<T, D::Larger>, (StackPart<T, D>, StackPart<T, D>)) {
    let (y, parts) = stack(axis, &[a.view(), b.view()]);
    (y, two(parts))
}

/// Forward mode of [`stack2`].
#[track_caller]
pub fn stack2_jvp<T: Real, S: Data<Elem = T>, S2: Data<Elem = T>, D: Dimension>(
    a: &ArrayBase<S, D>,
    b: &ArrayBase<S2, D>,
    axis: Axis,
    a_dot: Option<&Array<T, D>>,
    b_dot: Option<&Array<T, D>>,
) -> (Array<T, D::Larger>, Array<T, D::Larger>) {
    stack_jvp(axis, &[a.view(), b.view()], &[a_dot, b_dot])
}

pull_vjp!(stack2, stack2_vjp);

/// `stack(axis, &[a, b, c])`.
#[track_caller]
pub fn stack3<T: Real, S: Data<Elem = T>, S2: Data<Elem = T>, S3: Data<Elem = T>, D: Dimension>(
    a: &ArrayBase<S, D>,
    b: &ArrayBase<S2, D>,
    c: &ArrayBase<S3, D>,
    axis: Axis,
) -> (Array<T, D::Larger>, (StackPart<T, D>, StackPart<T, D>, StackPart<T, D>)) {
    let (y, parts) = stack(axis, &[a.view(), b.view(), c.view()]);
    (y, three(parts))
}

/// Forward mode of [`stack3`].
#[track_caller]
pub fn stack3_jvp<T: Real, S: Data<Elem = T>, S2: Data<Elem = T>, S3: Data<Elem = T>, D: Dimension>(
    a: &ArrayBase<S, D>,
    b: &ArrayBase<S2, D>,
    c: &ArrayBase<S3, D>,
    axis: Axis,
    a_dot: Option<&Array<T, D>>,
    b_dot: Option<&Array<T, D>>,
    c_dot: Option<&Array<T, D>>,
) -> (Array<T, D::Larger>, Array<T, D::Larger>) {
    stack_jvp(axis, &[a.view(), b.view(), c.view()], &[a_dot, b_dot, c_dot])
}

pull_vjp!(stack3, stack3_vjp);
