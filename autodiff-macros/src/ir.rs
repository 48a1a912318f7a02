//! The small IR: a function body lowered to named, single-assignment differentiable
//! operations, with everything that does not depend on an active input kept as the user's
//! own tokens.

use crate::rules::Rule;
use proc_macro2::{Span, TokenStream};
use syn::Ident;

/// An active value: one single assignment. Indexes [`Function::vars`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Var(pub usize);

/// What a generated local is called, and where it came from.
pub struct VarInfo {
    /// Hygienic (mixed-site) identifier of the primal value.
    pub ident: Ident,
    /// Held by reference (a parameter `x: &Array2<f64>`, an element read `x[i]`, a field
    /// `p.w`): read as `(*x)`.
    pub deref: bool,
    /// A parameter of reference type: passed on to a call as it is, it stays a borrow (an
    /// element read passed on is the element's value).
    pub borrowed_param: bool,
}

/// An argument of an operation: an active value, or a constant expression (tokens).
#[derive(Clone)]
pub enum Operand {
    Var(Var),
    Const(TokenStream),
}

/// A value as the macro sees it: a leaf, or a tuple of values.
#[derive(Clone)]
pub enum Tree {
    Leaf(Operand),
    Tuple(Vec<Tree>),
}

impl Tree {
    pub fn var(v: Var) -> Tree {
        Tree::Leaf(Operand::Var(v))
    }

    /// Whether any leaf is an active value.
    pub fn is_active(&self) -> bool {
        match self {
            Tree::Leaf(Operand::Var(_)) => true,
            Tree::Leaf(Operand::Const(_)) => false,
            Tree::Tuple(items) => items.iter().any(Tree::is_active),
        }
    }

    /// Every active value in it, in order.
    pub fn vars(&self, out: &mut Vec<Var>) {
        match self {
            Tree::Leaf(Operand::Var(v)) => out.push(*v),
            Tree::Leaf(Operand::Const(_)) => {}
            Tree::Tuple(items) => items.iter().for_each(|t| t.vars(out)),
        }
    }
}

/// A pattern of fresh active values, bound by a call's result.
#[derive(Clone)]
pub enum Pat {
    Var(Var),
    Tuple(Vec<Pat>),
}

impl Pat {
    pub fn vars(&self, out: &mut Vec<Var>) {
        match self {
            Pat::Var(v) => out.push(*v),
            Pat::Tuple(items) => items.iter().for_each(|p| p.vars(out)),
        }
    }

    pub fn to_tree(&self) -> Tree {
        match self {
            Pat::Var(v) => Tree::var(*v),
            Pat::Tuple(items) => Tree::Tuple(items.iter().map(Pat::to_tree).collect()),
        }
    }
}

/// A sequence of statements: the function body, a branch arm, or a loop body.
pub struct Block {
    /// Unique among the function's blocks; names the tape of its saved values.
    pub id: usize,
    pub stmts: Vec<Stmt>,
}

/// One statement of a lowered body.
pub enum Stmt {
    /// A statement that involves no active value, emitted as written (with active values
    /// renamed where a non-differentiable use, such as a comparison, reads them).
    Inactive(TokenStream),
    /// `dst = rule(args)`.
    Op(Op),
    /// `dst = path(args)`: a call to another `#[differentiable]` function or `#[primitive]`.
    Call(Call),
    /// `if`, `match`, a block expression, or a guard that skips the rest of a block after an
    /// early exit. Values assigned in the arms meet in `outputs` (one value per arm each).
    Branch(Branch),
    /// `for`, `while` or `loop`, with the values it carries across iterations in slots.
    Loop(Loop),
}

pub struct Branch {
    pub id: usize,
    pub head: BranchHead,
    pub arms: Vec<Arm>,
    /// Active values defined by the branch: the variables assigned in an arm, and the
    /// branch's own value if it is active.
    pub outputs: Vec<Var>,
    /// A local holding the branch's value when that value is a constant.
    pub result: Option<Ident>,
}

pub enum BranchHead {
    /// A block expression: one arm, always taken.
    Block,
    /// `if cond { arm 0 } else { arm 1 }`; the condition is a constant expression.
    If(TokenStream),
    /// `match scrutinee { pats[i] => arm i }`; patterns include their guards.
    Match { scrutinee: TokenStream, pats: Vec<TokenStream> },
}

pub struct Arm {
    pub block: Block,
    /// The value of each output at the end of this arm.
    pub values: Vec<Operand>,
    /// The branch's constant value from this arm, if the branch has one.
    pub result: Option<TokenStream>,
}

pub struct Loop {
    pub id: usize,
    pub head: LoopHead,
    pub slots: Vec<Slot>,
    pub body: Block,
    /// Set by `break` (and `return`) to leave the loop after this iteration's record.
    pub brk: Ident,
    /// Set by `continue`, `break` and `return` to skip the rest of the iteration.
    pub skip: Ident,
}

pub enum LoopHead {
    For { pat: TokenStream, iter: TokenStream },
    While(TokenStream),
    Loop,
}

/// A variable carried across iterations: a mutable local, read at the start of the body
/// and written back at its end.
pub struct Slot {
    pub var: Var,
    pub init: Operand,
    pub end: Operand,
}

pub struct Op {
    pub dst: Var,
    pub rule: &'static Rule,
    pub args: Vec<Operand>,
    /// The integer exponent of `powi`.
    pub int_arg: Option<TokenStream>,
    /// For each argument, whether it is a constant that the reverse sweep can evaluate
    /// again (a literal or a `const` item), rather than a local of the forward sweep.
    pub pure: Vec<bool>,
    pub span: Span,
}

pub struct Call {
    pub dst: Pat,
    /// Path of the callee's generated module (the function's own path).
    pub path: syn::Path,
    pub args: Vec<Operand>,
    /// Where each argument is written, for errors about its derivative.
    pub arg_spans: Vec<Span>,
    /// Arguments written as `&x`, passed to the callee by reference.
    pub arg_refs: Vec<bool>,
    pub span: Span,
}

impl Call {
    /// The tokens of argument `i` as the callee takes it.
    pub fn arg_tokens(&self, i: usize, primal: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
        if self.arg_refs[i] { quote::quote!(&#primal) } else { primal }
    }
}

/// A parameter of the function.
pub struct Param {
    /// The user's identifier (kept in generated signatures).
    pub ident: Ident,
    pub ty: syn::Type,
    /// The active values it is split into (a tuple parameter gives a tuple of values);
    /// `None` for an inactive parameter.
    pub active: Option<Pat>,
}

/// A lowered function.
pub struct Function {
    pub vis: syn::Visibility,
    pub name: Ident,
    pub params: Vec<Param>,
    pub ret: syn::Type,
    pub body: Block,
    pub output: Tree,
    pub vars: Vec<VarInfo>,
    /// Every parameter and the result are real scalars (or integers, or tuples of them), so
    /// every value is a scalar and a product's partial can be read from the other factor.
    pub scalar: bool,
    /// The highest derivative order asked for by `#[differentiable(order = n)]` (1 by default):
    /// from 2 on, the jet-valued copy of the pullback and the higher-order API are generated.
    pub order: u32,
}

impl Function {
    pub fn ident(&self, v: Var) -> &Ident {
        &self.vars[v.0].ident
    }
}
