//! Lowering of a function to the IR: name resolution, activity, and single assignment.
//!
//! Each expression that depends on an active value becomes a chain of [`Op`]s and [`Call`]s
//! whose results are fresh hygienic locals; shadowing and reassignment simply rebind the
//! user's name to the newest value. Everything else is kept as the user's own tokens.
//! Unsupported syntax is reported to the [`Ctxt`] at its span and lowering goes on, so one
//! build shows every problem.

mod control;
mod scan;

use crate::args::Args;
use crate::error::Ctxt;
use crate::ir::{Block, Call, Function, Op, Operand, Param, Pat, Stmt, Tree, Var, VarInfo};
use crate::rules::{self, Arity};
use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use std::collections::{HashMap, HashSet};
use syn::spanned::Spanned;
use syn::visit::Visit;
use syn::{BinOp, Expr, Ident, UnOp};

/// How a user's name is bound at a point of the body.
#[derive(Clone)]
enum Binding {
    /// To active values.
    Active(Tree),
    /// To an ordinary local that the generated code keeps, under this identifier.
    Inactive(Ident),
}

impl Binding {
    /// The same binding (same active values, or both constants kept by name).
    fn same(&self, other: &Binding) -> bool {
        match (self, other) {
            (Binding::Active(a), Binding::Active(b)) => same_tree(a, b),
            (Binding::Inactive(_), Binding::Inactive(_)) => true,
            _ => false,
        }
    }
}

/// The same values: the same active values and equal constants, in the same shape.
fn same_tree(a: &Tree, b: &Tree) -> bool {
    match (a, b) {
        (Tree::Leaf(Operand::Var(x)), Tree::Leaf(Operand::Var(y))) => x == y,
        (Tree::Leaf(Operand::Const(x)), Tree::Leaf(Operand::Const(y))) => x.to_string() == y.to_string(),
        (Tree::Tuple(x), Tree::Tuple(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_tree(a, b)),
        _ => false,
    }
}

/// A loop being lowered: its flags and, for a `loop` used as a value, the name its `break`
/// values are assigned to.
struct LoopCtx {
    label: Option<String>,
    brk: Ident,
    skip: Ident,
    value: Option<String>,
}

/// Whether a parameter of this type is a constant unless `wrt(...)` says otherwise.
pub fn is_inactive_type(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Reference(r) => match &*r.elem {
            syn::Type::Path(p) => p.path.is_ident("str") || is_inactive_type(&r.elem),
            other => is_inactive_type(other),
        },
        syn::Type::Path(p) if p.qself.is_none() => {
            const NAMES: &[&str] = &[
                "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize", "bool", "char",
                "str", "String", "Axis",
            ];
            p.path.get_ident().is_some_and(|id| NAMES.iter().any(|n| id == n))
        }
        syn::Type::Paren(p) => is_inactive_type(&p.elem),
        syn::Type::Group(g) => is_inactive_type(&g.elem),
        _ => false,
    }
}

/// Whether `ty` is a real scalar, an integer, `bool`, or a tuple of those.
fn is_scalar_type(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Tuple(t) => t.elems.iter().all(is_scalar_type),
        syn::Type::Paren(p) => is_scalar_type(&p.elem),
        syn::Type::Group(g) => is_scalar_type(&g.elem),
        syn::Type::Path(p) if p.path.is_ident("f64") || p.path.is_ident("f32") => true,
        other => is_inactive_type(other) && !matches!(other, syn::Type::Reference(_)),
    }
}

/// Lowers `item` to the IR. Returns `None` if the signature itself could not be read;
/// problems in the body are recorded in `cx` and lowering continues past them.
pub fn function(cx: &Ctxt, item: &syn::ItemFn, args: &Args) -> Option<Function> {
    let mut lower = Lower {
        cx,
        vars: Vec::new(),
        used: HashSet::new(),
        scopes: vec![HashMap::new()],
        stmts: Vec::new(),
        ids: 1,
        loops: Vec::new(),
        exits: Vec::new(),
        exit_seq: 0,
        returned: None,
        ret_ty: match &item.sig.output {
            syn::ReturnType::Type(_, ty) => (**ty).clone(),
            syn::ReturnType::Default => syn::parse_quote!(()),
        },
        odd_params: HashMap::new(),
        ref_params: HashSet::new(),
        complex: false,
    };
    let ret = match &item.sig.output {
        syn::ReturnType::Type(_, ty) => (**ty).clone(),
        syn::ReturnType::Default => return None,
    };
    let mut params = Vec::new();
    for (i, input) in item.sig.inputs.iter().enumerate() {
        let syn::FnArg::Typed(pt) = input else { return None };
        let active = match &args.wrt {
            Some(names) => pat_idents(&pt.pat).iter().any(|id| names.iter().any(|n| n == id)),
            None => !is_inactive_type(&pt.ty),
        };
        let ident = match &*pt.pat {
            syn::Pat::Ident(pi) if pi.subpat.is_none() && pi.by_ref.is_none() => pi.ident.clone(),
            _ => format_ident!("__arg{}", i, span = Span::mixed_site()),
        };
        if active {
            let float = matches!(&*pt.ty, syn::Type::Tuple(_))
                || matches!(&*pt.ty, syn::Type::Path(tp) if tp.path.is_ident("f64") || tp.path.is_ident("f32"));
            if !float {
                for id in pat_idents(&pt.pat) {
                    lower.odd_params.insert(id.to_string(), pt.ty.to_token_stream().to_string().replace(' ', ""));
                }
            }
            let pat = lower.param_pattern(&pt.pat, &pt.ty)?;
            let tree = pat.to_tree();
            lower.bind_param(&pt.pat, &tree);
            let binding = pat_to_tokens(&lower, &pat);
            lower.stmts.push(Stmt::Inactive(quote!(let #binding = #ident;)));
            params.push(Param { ident, ty: (*pt.ty).clone(), active: Some(pat) });
        } else {
            if !matches!(&*pt.pat, syn::Pat::Ident(pi) if pi.subpat.is_none() && pi.by_ref.is_none()) {
                let pat = &pt.pat;
                lower.stmts.push(Stmt::Inactive(quote!(let #pat = #ident;)));
            }
            for id in pat_idents(&pt.pat) {
                lower.bind(&id, Binding::Inactive(id.clone()));
                if matches!(&*pt.ty, syn::Type::Reference(_)) {
                    lower.ref_params.insert(id.to_string());
                }
            }
            params.push(Param { ident, ty: (*pt.ty).clone(), active: None });
        }
    }
    let output = lower.body(&item.block);
    let Lower { vars, stmts, complex, .. } = lower;
    let body = Block { id: 0, stmts };
    // Complex numbers built inside make the values other than real scalars.
    let scalar = item.sig.inputs.iter().all(|i| match i {
        syn::FnArg::Typed(pt) => is_scalar_type(&pt.ty),
        syn::FnArg::Receiver(_) => false,
    }) && is_scalar_type(&ret)
        && !complex;
    let order = args.order.unwrap_or(1);
    Some(Function {
        vis: item.vis.clone(),
        name: item.sig.ident.clone(),
        params,
        ret,
        body,
        output,
        vars,
        scalar,
        order,
    })
}

struct Lower<'a> {
    cx: &'a Ctxt,
    vars: Vec<VarInfo>,
    used: HashSet<String>,
    scopes: Vec<HashMap<String, Binding>>,
    /// The statements of the block being lowered.
    stmts: Vec<Stmt>,
    /// Counter for block, branch and loop ids.
    ids: usize,
    /// The loops around the code being lowered, outermost first.
    loops: Vec<LoopCtx>,
    /// Exits lowered so far and not yet closed by their loop: `(sequence number, target loop
    /// index)`, with `None` for `return`.
    exits: Vec<(usize, Option<usize>)>,
    exit_seq: usize,
    /// The flag set by an early `return`, when the function has one.
    returned: Option<Ident>,
    /// The declared return type.
    ret_ty: syn::Type,
    /// Active parameters whose type is neither a float nor a tuple, with that type, for hints.
    odd_params: HashMap<String, String>,
    /// Constant parameters of reference type, read as `(*x)` when a rule takes them.
    ref_params: HashSet<String>,
    /// A complex number is built from active values (`Complex64::new(a, b)`, ...).
    complex: bool,
}

impl Lower<'_> {
    /// A fresh active value named after `base` (made unique; never starting with `__`, which
    /// generated adjoints and tangents use).
    fn fresh(&mut self, base: &str) -> Var {
        let base = base.trim_start_matches('_');
        let base = if base.is_empty() { "v" } else { base };
        let mut name = base.to_string();
        let mut k = 1;
        while self.used.contains(&name) {
            name = format!("{base}_{k}");
            k += 1;
        }
        self.used.insert(name.clone());
        self.vars.push(VarInfo { ident: Ident::new(&name, Span::mixed_site()), deref: false, borrowed_param: false });
        Var(self.vars.len() - 1)
    }

    /// Names a value computed for `let y = ...` (or `y = ...`) after `y`, for readable
    /// generated code; values older than `before` already have their names.
    fn name_result(&mut self, value: &Tree, name: &Ident, before: usize) {
        if let Tree::Leaf(Operand::Var(v)) = value {
            if v.0 >= before {
                let old = self.vars[v.0].ident.to_string();
                self.used.remove(&old);
                let fresh = self.fresh(&name.to_string());
                let info = self.vars.pop().expect("fresh value");
                // A value held by reference (an element read `x[i]`) stays read through it.
                let (deref, borrowed_param) = (self.vars[v.0].deref, self.vars[v.0].borrowed_param);
                self.vars[v.0] = VarInfo { deref, borrowed_param, ..info };
                debug_assert!(fresh.0 == self.vars.len());
            }
        }
    }

    fn temp(&mut self) -> Var {
        let n = self.vars.len();
        self.fresh(&format!("t{n}"))
    }
    fn bind(&mut self, id: &Ident, b: Binding) {
        self.ref_params.remove(&id.to_string());
        if let Binding::Inactive(_) = b {
            // Generated values get other names, so that `let mut s_1 = s;` reads clearly.
            self.used.insert(id.to_string());
        }
        self.scopes.last_mut().expect("scope").insert(id.to_string(), b);
    }

    fn lookup(&self, name: &str) -> Option<&Binding> {
        self.scopes.iter().rev().find_map(|s| s.get(name))
    }

    /// Rebinds an existing name in the scope that declared it (an assignment).
    fn rebind(&mut self, name: &str, b: Binding) {
        for scope in self.scopes.iter_mut().rev() {
            if let Some(slot) = scope.get_mut(name) {
                *slot = b;
                return;
            }
        }
    }

    fn param_pattern(&mut self, pat: &syn::Pat, ty: &syn::Type) -> Option<Pat> {
        match (pat, ty) {
            (syn::Pat::Ident(pi), syn::Type::Tuple(tt)) if pi.subpat.is_none() => {
                let name = pi.ident.to_string();
                Some(self.tuple_type_pattern(&name, tt))
            }
            (syn::Pat::Ident(pi), _) if pi.subpat.is_none() => {
                let v = self.fresh(&pi.ident.to_string());
                let borrowed = matches!(ty, syn::Type::Reference(_));
                (self.vars[v.0].deref, self.vars[v.0].borrowed_param) = (borrowed, borrowed);
                Some(Pat::Var(v))
            }
            (syn::Pat::Tuple(pt), syn::Type::Tuple(tt)) if pt.elems.len() == tt.elems.len() => {
                let mut items = Vec::new();
                for (p, t) in pt.elems.iter().zip(&tt.elems) {
                    items.push(self.param_pattern(p, t)?);
                }
                Some(Pat::Tuple(items))
            }
            (syn::Pat::Wild(_), syn::Type::Tuple(tt)) => Some(self.tuple_type_pattern("_", tt)),
            (syn::Pat::Wild(_), _) => Some(Pat::Var(self.fresh("unused"))),
            _ => {
                self.cx.error_spanned(
                    pat,
                    "unsupported parameter pattern; write a name (`x: f64`) or a tuple of names (`(a, b): (f64, f64)`)",
                );
                None
            }
        }
    }

    fn tuple_type_pattern(&mut self, base: &str, tt: &syn::TypeTuple) -> Pat {
        Pat::Tuple(
            tt.elems
                .iter()
                .enumerate()
                .map(|(i, t)| match t {
                    syn::Type::Tuple(inner) => self.tuple_type_pattern(&format!("{base}_{i}"), inner),
                    _ => Pat::Var(self.fresh(&format!("{base}_{i}"))),
                })
                .collect(),
        )
    }

    fn bind_param(&mut self, pat: &syn::Pat, tree: &Tree) {
        match (pat, tree) {
            (syn::Pat::Ident(pi), t) => self.bind(&pi.ident, Binding::Active(t.clone())),
            (syn::Pat::Tuple(pt), Tree::Tuple(items)) => {
                for (p, t) in pt.elems.iter().zip(items) {
                    self.bind_param(p, t);
                }
            }
            _ => {}
        }
    }

    /// Lowers the function body; returns the value it ends with.
    fn body(&mut self, block: &syn::Block) -> Tree {
        if scan::early_return(block) {
            // `return v` inside the body assigns `__ret` and sets `__returned`; the rest of
            // the function is skipped by guards, and the result is the final `__ret`.
            let ret = Ident::new("__ret", Span::mixed_site());
            let flag = Ident::new("__returned", Span::mixed_site());
            let ty = &self.ret_ty;
            self.stmts.push(Stmt::Inactive(quote! {
                let mut #ret: #ty = ::core::default::Default::default();
                let mut #flag = false;
            }));
            self.bind(&ret, Binding::Inactive(ret.clone()));
            self.returned = Some(flag);
        }
        let tail = self.seq(&block.stmts, true, true);
        let tail = match (&self.returned, tail) {
            (Some(_), _) => self.lookup("__ret").cloned().map(|b| self.binding_tree(b)),
            (None, tail) => tail,
        };
        tail.unwrap_or_else(|| {
            let span = block.stmts.last().map_or(block.brace_token.span.close(), |s| s.span());
            self.cx.error(
                span,
                "the body must end with the value the function returns (a tail expression or `return value;`)",
            );
            dummy()
        })
    }

    /// The value a binding stands for.
    fn binding_tree(&self, b: Binding) -> Tree {
        match b {
            Binding::Active(t) => t,
            Binding::Inactive(id) => Tree::Leaf(Operand::Const(id.to_token_stream())),
        }
    }

    /// Lowers a sequence of statements into `self.stmts`; returns the value of its final
    /// expression when `want_value`. After a statement that may exit early (`break`,
    /// `continue`, `return`), the rest of the sequence is lowered inside a guard that skips it.
    /// At the top of the function (`top`), the final expression is the function's result.
    fn seq(&mut self, stmts: &[syn::Stmt], want_value: bool, top: bool) -> Option<Tree> {
        let n = stmts.len();
        for (i, stmt) in stmts.iter().enumerate() {
            let last = i + 1 == n;
            let seq_before = self.exit_seq;
            let mut tail = None;
            match stmt {
                syn::Stmt::Expr(Expr::Return(r), _) if last && top => match &r.expr {
                    Some(e) => tail = Some(self.expr(e)),
                    None => self.cx.error_spanned(
                        r,
                        "`return` without a value; a `#[differentiable]` function must return its result",
                    ),
                },
                syn::Stmt::Expr(e, None) if last && (want_value || top) && !is_exit(e) => tail = Some(self.expr(e)),
                _ => self.stmt(stmt),
            }
            if last {
                if top && self.returned.is_some() {
                    match tail.take() {
                        // Reported with the early `return`: a tuple cannot meet it.
                        Some(Tree::Tuple(_)) | None => {}
                        Some(value) => self.assign_value("__ret", value, stmt.span()),
                    }
                }
                return tail;
            }
            if self.exits_since(seq_before) {
                return self.guard(&stmts[i + 1..], want_value, top);
            }
        }
        None
    }

    /// Whether an exit lowered since `seq` can leave the sequence being lowered.
    fn exits_since(&self, seq: usize) -> bool {
        let depth = self.loops.len();
        self.exits.iter().any(|(s, target)| *s >= seq && target.is_none_or(|t| t < depth))
    }

    fn stmt(&mut self, stmt: &syn::Stmt) {
        match stmt {
            syn::Stmt::Local(local) => self.local(local),
            syn::Stmt::Item(item) => self.stmts.push(Stmt::Inactive(item.to_token_stream())),
            syn::Stmt::Macro(m) => {
                if self.tokens_mention_active(&m.mac.tokens) {
                    self.cx.error_spanned(&m.mac, macro_message(&m.mac));
                } else {
                    self.stmts.push(Stmt::Inactive(m.to_token_stream()));
                }
            }
            syn::Stmt::Expr(e, _) => self.expr_stmt(e),
        }
    }

    fn expr_stmt(&mut self, e: &Expr) {
        match e {
            Expr::Assign(a) => self.assign(&a.left, &a.right, None, e),
            Expr::Binary(b) if is_compound(&b.op) => self.assign(&b.left, &b.right, Some(&b.op), e),
            Expr::MethodCall(m) if self.is_active(e) && slice_assign(m).is_some() => self.assign_slice(m, e),
            _ if !self.is_active(e) && !self.escapes(e) => self.stmts.push(Stmt::Inactive(quote!(#e;))),
            Expr::If(_) | Expr::Match(_) | Expr::Block(_) => {
                self.control(e, false);
            }
            Expr::ForLoop(_)
            | Expr::While(_)
            | Expr::Loop(_)
            | Expr::Break(_)
            | Expr::Continue(_)
            | Expr::Return(_) => {
                self.control(e, false);
            }
            _ => {
                // An active expression used as a statement has no effect on the result; it is
                // lowered only to report unsupported syntax in it.
                self.expr(e);
            }
        }
    }

    fn assign(&mut self, left: &Expr, right: &Expr, op: Option<&BinOp>, whole: &Expr) {
        if let (Expr::Tuple(targets), None) = (strip(left), op) {
            return self.assign_tuple(targets, right, whole);
        }
        if let Expr::Index(ix) = strip(left) {
            let base = match strip(&ix.expr) {
                Expr::Path(p) => p.path.get_ident().cloned(),
                _ => None,
            };
            if let Some(name) = base.filter(|n| self.is_active(whole) && self.lookup(&n.to_string()).is_some()) {
                return self.assign_element(&name, ix, left, right, op, whole);
            }
        }
        let Expr::Path(p) = strip(left) else {
            let what = match strip(left) {
                Expr::Index(_) => "an indexed element",
                Expr::Field(_) => "a field",
                _ => "this place",
            };
            if self.is_active(whole) {
                self.cx.error_spanned(left, format!("assignment to {what} is not supported in `#[differentiable]` functions; assign to a local variable (`let mut y = ...; y = ...;`)"));
            } else {
                self.stmts.push(Stmt::Inactive(quote!(#whole;)));
            }
            return;
        };
        let Some(name) = p.path.get_ident() else {
            self.cx.error_spanned(left, "assignment to a path is not supported; assign to a local variable");
            return;
        };
        let Some(binding) = self.lookup(&name.to_string()).cloned() else {
            self.cx.error_spanned(left, format!("`{name}` is not a local variable of this function; `#[differentiable]` functions can only assign to their own locals"));
            return;
        };
        if matches!(binding, Binding::Inactive(_)) && !self.is_active(right) && !self.escapes(right) {
            self.stmts.push(Stmt::Inactive(quote!(#whole;)));
            return;
        }
        let before = self.vars.len();
        let value = match op {
            None => self.expr(right),
            Some(op) => {
                let lhs = self.expr(left);
                let rhs = self.expr(right);
                self.binary_tree(op, lhs, rhs, whole)
            }
        };
        self.name_result(&value, name, before);
        self.assign_value(&name.to_string(), value, whole.span());
    }

    /// `y[i] = v;` (or `y[i] += v;`) on an array: `y` is rebound to a copy with the element
    /// replaced.
    fn assign_element(
        &mut self,
        name: &Ident,
        ix: &syn::ExprIndex,
        left: &Expr,
        right: &Expr,
        op: Option<&BinOp>,
        whole: &Expr,
    ) {
        if self.is_active(&ix.index) {
            self.cx.error_spanned(&ix.index, "an index cannot depend on a differentiated input");
            return;
        }
        let array = self.leaf(&ix.expr);
        let value = match op {
            None => self.expr(right),
            Some(op) => {
                let old = self.expr(left);
                let rhs = self.expr(right);
                self.binary_tree(op, old, rhs, whole)
            }
        };
        let Tree::Leaf(value) = value else {
            self.cx.error_spanned(right, "an array element takes one number, not a tuple");
            return;
        };
        let i = &ix.index;
        let new = self.op("set", vec![array, value], Some(quote!(#i)), whole.span());
        self.assign_value(&name.to_string(), new, whole.span());
    }

    /// `y.slice_mut(info).assign(&v);`: `y` is rebound to a copy with the slice replaced by
    /// `v` (broadcast as `assign` broadcasts).
    fn assign_slice(&mut self, m: &syn::ExprMethodCall, e: &Expr) {
        let (name, info) = slice_assign(m).expect("checked by the caller");
        if self.lookup(&name.to_string()).is_none() {
            self.cx.error_spanned(e, format!("`{name}` is not a local variable of this function"));
            return;
        }
        if self.is_active(info) {
            self.cx.error_spanned(info, "the slice of `slice_mut` cannot depend on a differentiated input");
            return;
        }
        let Expr::MethodCall(inner) = strip(&m.receiver) else { unreachable!("checked by slice_assign") };
        let array = self.leaf(&inner.receiver);
        let value = self.leaf(&m.args[0]);
        let new = self.op("set_slice", vec![array, value], Some(quote!(#info)), e.span());
        self.assign_value(&name.to_string(), new, e.span());
    }

    /// `(a, b) = (x, y);`: every value on the right is computed before any name is rebound.
    fn assign_tuple(&mut self, targets: &syn::ExprTuple, right: &Expr, whole: &Expr) {
        if !self.is_active(whole) && !self.escapes(right) {
            self.stmts.push(Stmt::Inactive(quote!(#whole;)));
            return;
        }
        let value = self.expr(right);
        self.bind_targets(&Expr::Tuple(targets.clone()), value);
    }

    fn bind_targets(&mut self, target: &Expr, value: Tree) {
        match (strip(target), value) {
            (Expr::Tuple(t), Tree::Tuple(items)) if t.elems.len() == items.len() => {
                for (e, v) in t.elems.iter().zip(items) {
                    self.bind_targets(e, v);
                }
            }
            (Expr::Infer(_), _) => {}
            (Expr::Path(p), v) if p.path.get_ident().is_some_and(|id| self.lookup(&id.to_string()).is_some()) => {
                let name = p.path.get_ident().expect("ident").to_string();
                self.assign_value(&name, v, p.span());
            }
            (t, _) => self.cx.error_spanned(t, "destructuring assignment supports local variables, `_` and tuples of them, with a tuple of the same shape on the right"),
        }
    }

    /// Rebinds `name` to `value`. A constant is kept in an ordinary local of that name.
    fn assign_value(&mut self, name: &str, value: Tree, span: Span) {
        if value.is_active() {
            self.rebind(name, Binding::Active(value));
        } else {
            let tokens = tree_tokens(self, &value);
            match self.lookup(name).cloned() {
                // Already an ordinary local: assign it, so that the value outlives the block
                // (a shadowing `let` inside a branch or loop would be lost at its end).
                Some(Binding::Inactive(id)) => self.stmts.push(Stmt::Inactive(quote!(#id = #tokens;))),
                // An active name becomes an ordinary local again; `mut`, since the user's
                // variable is mutable and later statements may assign it as written.
                _ => {
                    let id = if name.starts_with("__") {
                        Ident::new(name, Span::mixed_site())
                    } else {
                        Ident::new(name, span)
                    };
                    self.stmts.push(Stmt::Inactive(quote!(let mut #id = #tokens;)));
                    self.rebind(name, Binding::Inactive(id));
                }
            }
        }
    }

    fn local(&mut self, local: &syn::Local) {
        let Some(init) = &local.init else {
            self.cx.error_spanned(local, "declare and initialise in one statement (`let y = ...;`); a `let` without a value is not supported in `#[differentiable]` functions");
            for id in pat_idents(&local.pat) {
                self.bind(&id, Binding::Inactive(id.clone()));
            }
            return;
        };
        if let Some((else_token, _)) = &init.diverge {
            self.cx.error_spanned(else_token, "`let ... else` is not supported in `#[differentiable]` functions");
            return;
        }
        if !self.is_active(&init.expr) && !self.escapes(&init.expr) {
            self.stmts.push(Stmt::Inactive(local.to_token_stream()));
            for id in pat_idents(&local.pat) {
                self.bind(&id, Binding::Inactive(id.clone()));
            }
            return;
        }
        let (pat, ty) = match &local.pat {
            syn::Pat::Type(pt) => (&*pt.pat, Some(&*pt.ty)),
            p => (p, None),
        };
        // `let (a, b) = g(x);` binds each element of a call's tuple result.
        if let (syn::Pat::Tuple(pt), Expr::Call(call)) = (pat, strip(&init.expr)) {
            if !is_method_style(call) {
                let dst = self.call_pattern(pt);
                if let Some(dst) = dst {
                    self.call(call, dst.clone());
                    self.bind_pattern(pat, ty, dst.to_tree());
                }
                return;
            }
        }
        let before = self.vars.len();
        let value = self.expr(&init.expr);
        if let syn::Pat::Ident(pi) = pat {
            self.name_result(&value, &pi.ident, before);
        }
        self.bind_pattern(pat, ty, value);
    }

    /// Fresh values for a tuple pattern that binds a call's result.
    fn call_pattern(&mut self, pt: &syn::PatTuple) -> Option<Pat> {
        if pt.elems.is_empty() {
            self.cx.error_spanned(pt, "a call's result cannot be `()`; bind its results to names or `_`");
            return None;
        }
        let mut items = Vec::new();
        for p in &pt.elems {
            items.push(match p {
                syn::Pat::Ident(pi) if pi.subpat.is_none() => Pat::Var(self.fresh(&pi.ident.to_string())),
                syn::Pat::Wild(_) => Pat::Var(self.fresh("unused")),
                syn::Pat::Tuple(inner) => self.call_pattern(inner)?,
                other => {
                    self.cx.error_spanned(other, "unsupported pattern; bind a call's results to names or `_`");
                    return None;
                }
            });
        }
        Some(Pat::Tuple(items))
    }

    fn bind_pattern(&mut self, pat: &syn::Pat, ty: Option<&syn::Type>, value: Tree) {
        match (pat, &value) {
            (syn::Pat::Ident(pi), v) if pi.subpat.is_none() && v.is_active() => {
                self.bind(&pi.ident, Binding::Active(value));
            }
            (syn::Pat::Ident(_) | syn::Pat::Tuple(_), v) if !v.is_active() => {
                let tokens = tree_tokens(self, &value);
                let ty = ty.map(|t| quote!(: #t));
                self.stmts.push(Stmt::Inactive(quote!(let #pat #ty = #tokens;)));
                for id in pat_idents(pat) {
                    self.bind(&id, Binding::Inactive(id.clone()));
                }
            }
            (syn::Pat::Tuple(pt), Tree::Tuple(items)) if pt.elems.len() == items.len() => {
                for (p, v) in pt.elems.iter().zip(items.clone()) {
                    self.bind_pattern(p, None, v);
                }
            }
            (syn::Pat::Tuple(_), Tree::Leaf(_)) => {
                self.cx.error_spanned(pat, "cannot destructure this value here; a tuple returned by a call is destructured in the `let` that makes the call: `let (a, b) = g(x);`");
            }
            (syn::Pat::Wild(_), _) => {}
            (syn::Pat::Type(pt), _) => self.bind_pattern(&pt.pat, Some(&pt.ty), value),
            _ => {
                self.cx.error_spanned(pat, "unsupported pattern; bind active values to names, tuples of names, or `_`")
            }
        }
    }

    /// Lowers an expression to the values it computes.
    fn expr(&mut self, e: &Expr) -> Tree {
        if !self.is_active(e) && !self.escapes(e) {
            // Rules take their operands by reference: `&w` is read as `w`, as for active values.
            if let Expr::Reference(r) = strip(e) {
                if r.mutability.is_none() {
                    return self.expr(&r.expr);
                }
            }
            if let Expr::Path(p) = strip(e) {
                if let Some(id) = p.path.get_ident().filter(|id| self.ref_params.contains(&id.to_string())) {
                    return Tree::Leaf(Operand::Const(quote!((*#id))));
                }
            }
            return Tree::Leaf(Operand::Const(const_tokens(e)));
        }
        match e {
            Expr::Paren(p) => self.expr(&p.expr),
            Expr::Group(g) => self.expr(&g.expr),
            Expr::Path(p) => {
                let name = p.path.get_ident().map(ToString::to_string).unwrap_or_default();
                match self.lookup(&name) {
                    Some(Binding::Active(t)) => t.clone(),
                    _ if self.ref_params.contains(&name) => {
                        let id = p.path.get_ident();
                        Tree::Leaf(Operand::Const(quote!((*#id))))
                    }
                    _ => Tree::Leaf(Operand::Const(const_tokens(e))),
                }
            }
            Expr::Reference(r) if r.mutability.is_none() => self.expr(&r.expr),
            Expr::Unary(u) => match u.op {
                // A borrowed value is read as the value (`*x` for `x: &f64`).
                UnOp::Deref(_) => self.expr(&u.expr),
                UnOp::Neg(_) => {
                    let x = self.leaf(&u.expr);
                    self.op("neg", vec![x], None, e.span())
                }
                _ => self.unsupported(e, format!("`{}` on an active value is not supported; only unary minus is differentiable", u.op.to_token_stream())),
            },
            Expr::Binary(b) => {
                if is_compound(&b.op) {
                    return self.unsupported(e, "compound assignment inside an expression is not supported; write it as its own statement");
                }
                let lhs = self.expr(&b.left);
                let rhs = self.expr(&b.right);
                self.binary_tree(&b.op, lhs, rhs, e)
            }
            Expr::MethodCall(mc) => self.method(mc, e),
            Expr::Call(call) if is_method_style(call) => {
                let Expr::Path(p) = &*call.func else { unreachable!() };
                let method = &p.path.segments[1].ident;
                let mut args = call.args.iter();
                let Some(recv) = args.next() else {
                    return self.unsupported(e, format!("`{}` needs its receiver as the first argument", p.path.to_token_stream()));
                };
                let rest: Vec<&Expr> = args.collect();
                self.method_call(recv, method, &rest, e)
            }
            Expr::Call(call) if join_name(call).is_some() => self.join(call, e),
            Expr::Call(call) if complex_constructor(call).is_some() => {
                let rule = complex_constructor(call).expect("checked by the guard");
                self.complex = true;
                let args: Vec<Operand> = call.args.iter().map(|a| self.leaf(a)).collect();
                if args.len() != if rule == "from_real" { 1 } else { 2 } {
                    return self.unsupported(e, "this complex constructor takes the wrong number of arguments");
                }
                self.op(rule, args, None, e.span())
            }
            Expr::Call(call) => {
                let v = self.temp();
                self.call(call, Pat::Var(v));
                Tree::var(v)
            }
            Expr::Field(f) => {
                let base = self.expr(&f.base);
                match (&f.member, base) {
                    (syn::Member::Unnamed(idx), Tree::Tuple(items)) if (idx.index as usize) < items.len() => {
                        items[idx.index as usize].clone()
                    }
                    (syn::Member::Unnamed(_), Tree::Leaf(_)) => self.unsupported(e, "this value is not a tuple the macro can see into: a call's result must be destructured in the `let` that makes the call (`let (a, b) = g(x);`), and a tuple carried through a loop must start from active values"),
                    (syn::Member::Named(name), Tree::Leaf(s)) if name == "re" || name == "im" => {
                        // The parts of a complex number, `z.re` and `z.im`.
                        self.op(if name == "re" { "re" } else { "im" }, vec![s], None, e.span())
                    }
                    (syn::Member::Named(name), Tree::Leaf(s)) => {
                        // A field of a `#[derive(Parameters)]` struct, read by reference.
                        let ways = quote!(|__s| &__s.#name, |__s| &mut __s.#name);
                        let t = self.op("field", vec![s], Some(ways), e.span());
                        if let Tree::Leaf(Operand::Var(v)) = &t {
                            self.vars[v.0].deref = true;
                        }
                        t
                    }
                    _ => self.unsupported(e, "field access on an active value is not supported; only tuple fields (`t.0`) of tuples built in this function are"),
                }
            }
            Expr::Tuple(t) => Tree::Tuple(t.elems.iter().map(|x| self.expr(x)).collect()),
            Expr::Cast(c) => {
                let x = self.leaf(&c.expr);
                // A cast of a constant (such as a comparison's `bool`) is a constant; a cast
                // of an active value to an integer type is piecewise constant.
                if matches!(x, Operand::Const(_)) || is_inactive_type(&c.ty) {
                    let tokens = operand_tokens(self, &x);
                    let ty = &c.ty;
                    Tree::Leaf(Operand::Const(quote!((#tokens as #ty))))
                } else {
                    {
                    let hint = self.odd_param_hint(&c.expr);
                    self.unsupported(e, format!("`as` casts of active values are not supported; keep the computation in one float type (casts of integers, such as `n as f64`, are fine){hint}"))
                }
                }
            }
            Expr::If(_) | Expr::Match(_) | Expr::Block(_) | Expr::ForLoop(_) | Expr::While(_) | Expr::Loop(_) => {
                self.control(e, true)
            }
            Expr::Return(_) | Expr::Break(_) | Expr::Continue(_) => self.control(e, false),
            Expr::Closure(_) => self.unsupported(e, "closures are not supported in `#[differentiable]` functions; write the closure's body inline or as another `#[differentiable]` function"),
            Expr::Unsafe(_) => self.unsupported(e, "`#[differentiable]` cannot differentiate through `unsafe` blocks; move the unsafe code into a `#[primitive]` function with hand-written rules"),
            Expr::Async(_) | Expr::Await(_) => self.unsupported(e, "`async` code cannot be differentiated; differentiate a synchronous function"),
            Expr::Macro(m) => self.unsupported(e, macro_message(&m.mac)),
            Expr::Try(_) => self.unsupported(e, "the `?` operator is not supported in `#[differentiable]` functions; return a plain value"),
            Expr::Index(ix) => {
                if self.is_active(&ix.index) {
                    return self.unsupported(&ix.index, "an index cannot depend on a differentiated input; compute it from constants (integers, `as usize` of constants)");
                }
                let x = self.leaf(&ix.expr);
                let i = &ix.index;
                // The element is read by reference, as `x[i]` reads it.
                let t = self.op("element", vec![x], Some(quote!(#i)), e.span());
                if let Tree::Leaf(Operand::Var(v)) = &t {
                    self.vars[v.0].deref = true;
                }
                t
            }
            Expr::Assign(_) => self.unsupported(e, "an assignment is not a value; write it as its own statement"),            Expr::Reference(_) => self.unsupported(e, "`&mut` references to active values are not supported; use `let mut` and assignment"),
            Expr::Array(_) | Expr::Repeat(_) => self.unsupported(e, "array literals of active values are not supported; use a tuple or separate variables"),
            _ => self.unsupported(e, "this expression is not supported on active values in `#[differentiable]` functions; see the supported-language table in the crate documentation"),
        }
    }

    fn unsupported(&mut self, e: &Expr, msg: impl std::fmt::Display) -> Tree {
        self.cx.error_spanned(e, msg);
        dummy()
    }

    /// Lowers an expression that must be a single value (not a tuple).
    fn leaf(&mut self, e: &Expr) -> Operand {
        match self.expr(e) {
            Tree::Leaf(op) => op,
            Tree::Tuple(_) => {
                self.cx.error_spanned(e, "a tuple is used where a number is expected");
                Operand::Const(quote!(0.0))
            }
        }
    }

    fn binary_tree(&mut self, op: &BinOp, lhs: Tree, rhs: Tree, node: &Expr) -> Tree {
        let span = node.span();
        let (Tree::Leaf(a), Tree::Leaf(b)) = (lhs, rhs) else {
            self.cx.error_spanned(node, "arithmetic on tuples is not supported; operate on their elements");
            return dummy();
        };
        if let Some(rule) = rules::binary_op(op) {
            return self.op(rule, vec![a, b], None, span);
        }
        if scan::is_comparison(op) {
            // A comparison reads primal values; its result is a constant `bool`.
            let (a, b) = (operand_tokens(self, &a), operand_tokens(self, &b));
            return Tree::Leaf(Operand::Const(quote!((#a #op #b))));
        }
        self.cx.error_spanned(
            node,
            format!(
                "`{}` has no derivative rule; `#[differentiable]` functions support `+ - * /` on active values",
                op.to_token_stream()
            ),
        );
        dummy()
    }

    fn op(&mut self, name: &str, args: Vec<Operand>, int_arg: Option<TokenStream>, span: Span) -> Tree {
        let rule = rules::by_name(name);
        if args.iter().all(|a| matches!(a, Operand::Const(_))) {
            // Constant operands (inactive expressions are usually kept whole): the rule's
            // primal value, a constant.
            let f = format_ident!("{}", rule.name);
            let args = args.iter().map(|a| operand_tokens(self, a));
            let int = int_arg.iter();
            let value = if rule.linear {
                quote!(__ad::ops::#f(#(&#args,)* #(#int)*))
            } else {
                quote!(__ad::ops::#f(#(&#args,)* #(#int)*).0)
            };
            return Tree::Leaf(Operand::Const(value));
        }
        let dst = self.temp();
        let pure = args.iter().map(|a| self.is_pure(a)).collect();
        self.stmts.push(Stmt::Op(Op { dst, rule, args, int_arg, pure, span }));
        Tree::var(dst)
    }

    fn method(&mut self, mc: &syn::ExprMethodCall, e: &Expr) -> Tree {
        if mc.turbofish.is_some() {
            return self.unsupported(e, "method calls with turbofish (`::<...>`) are not supported on active values");
        }
        let args: Vec<&Expr> = mc.args.iter().collect();
        self.method_call(&mc.receiver, &mc.method, &args, e)
    }

    fn method_call(&mut self, recv: &Expr, method: &Ident, args: &[&Expr], e: &Expr) -> Tree {
        let name = method.to_string();
        if (name == "clone" || name == "to_owned" || name == "view" || name == "into_owned") && args.is_empty() {
            return self.expr(recv);
        }
        if (name == "unwrap" || name == "expect")
            && (matches!(strip(recv), Expr::MethodCall(m) if rules::UNWRAPPED.contains(&m.method.to_string().as_str()))
                || matches!(strip(recv), Expr::Call(c) if join_name(c).is_some()))
        {
            // `x.mean_axis(ax).unwrap()`: the rule returns the value itself and panics where
            // ndarray would return `None` or `Err`.
            return self.expr(recv);
        }
        if (name == "row" || name == "column") && args.len() == 1 && !self.is_active(args[0]) {
            // `x.row(i)` is `x.index_axis(Axis(0), i)`, as an owned array.
            let axis = if name == "row" { 0usize } else { 1 };
            let i = args[0];
            let x = self.leaf(recv);
            return self.op("index_axis", vec![x], Some(quote!(__ad::ndarray::Axis(#axis), #i)), e.span());
        }
        if name == "mapv" || name == "map" {
            return self.mapv(recv, method, args, e);
        }
        let x = self.leaf(recv);
        if rules::NON_DIFFERENTIABLE.contains(&name.as_str()) {
            let x = operand_tokens(self, &x);
            let args: Vec<TokenStream> = args
                .iter()
                .map(|a| {
                    let t = self.leaf(a);
                    operand_tokens(self, &t)
                })
                .collect();
            return Tree::Leaf(Operand::Const(quote!(#x.#method(#(#args),*))));
        }
        let Some(rule) = rules::lookup(&name) else {
            let hint = match name.as_str() {
                "sin_cos" => "; call `sin()` and `cos()` separately".to_string(),
                "powf" | "powi" => String::new(),
                _ => format!(
                    "; methods with rules: {}. For a function of your own, mark it `#[differentiable]` or `#[primitive]`",
                    rules::method_list()
                ),
            };
            let param = self.odd_param_hint(recv);
            self.cx.error_spanned(method, format!("`{name}` has no derivative rule{hint}{param}"));
            return dummy();
        };
        let expected = match rule.arity {
            Arity::Unary => 0,
            Arity::IntPow => rules::constant_args(rule.name),
            Arity::Binary => 1,
            Arity::Ternary => 2,
        };
        if args.len() != expected {
            return self.unsupported(e, format!("`{name}` takes {expected} argument(s) here, found {}", args.len()));
        }
        if rule.arity == Arity::IntPow {
            if let Some(a) = args.iter().find(|a| self.is_active(a)) {
                let msg = if name == "powi" {
                    "the exponent of `powi` is an integer and cannot depend on an active value; use `powf` for a differentiable exponent".to_string()
                } else {
                    format!("the arguments of `{name}` (axes, indices, shapes) cannot depend on an active value")
                };
                self.cx.error_spanned(a, msg);
                return dummy();
            }
            return self.op(rule.name, vec![x], Some(quote!(#(#args),*)), e.span());
        }
        let mut operands = vec![x];
        for a in args {
            operands.push(self.leaf(a));
        }
        self.op(rule.name, operands, None, e.span())
    }

    /// `concatenate(Axis(k), &[a.view(), b.view()])` and `stack(..)` of two or three arrays:
    /// one rule with a partial per array.
    fn join(&mut self, call: &syn::ExprCall, e: &Expr) -> Tree {
        let name = join_name(call).expect("checked by the caller");
        let args: Vec<&Expr> = call.args.iter().collect();
        let elems = match args.as_slice() {
            [_, list] => match strip(list) {
                Expr::Reference(r) => match strip(&r.expr) {
                    Expr::Array(a) => Some(a.elems.iter().collect::<Vec<_>>()),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        };
        let Some(elems) = elems.filter(|v| v.len() == 2 || v.len() == 3) else {
            return self.unsupported(e, format!("`{name}` on active arrays is differentiable as `{name}(Axis(k), &[a.view(), b.view()])` with two or three arrays written out; join more by nesting"));
        };
        let axis = args[0];
        if self.is_active(axis) {
            return self.unsupported(axis, format!("the axis of `{name}` cannot depend on an active value"));
        }
        let operands: Vec<Operand> = elems.iter().map(|x| self.leaf(x)).collect();
        let rule = format!("{name}{}", operands.len());
        self.op(&rule, operands, Some(quote!(#axis)), e.span())
    }

    /// `x.mapv(|v| body)`: an elementwise rule whose kernel is the forward-mode derivative
    /// of the closure's scalar body, lowered and transformed as a function of its own.
    fn mapv_closure(&mut self, recv: &Expr, method: &Ident, c: &syn::ExprClosure, e: &Expr) -> Tree {
        let param = match (c.inputs.len(), c.inputs.first(), method == "map") {
            (1, Some(syn::Pat::Ident(pi)), false) if pi.subpat.is_none() => pi.ident.clone(),
            (1, Some(syn::Pat::Type(pt)), false) => match &*pt.pat {
                syn::Pat::Ident(pi) if pi.subpat.is_none() => pi.ident.clone(),
                other => {
                    return self.unsupported(
                        e,
                        format!(
                            "the closure of `mapv` takes one element by name, such as `|v| ...`, not `{}`",
                            other.to_token_stream()
                        ),
                    );
                }
            },
            (1, Some(syn::Pat::Reference(r)), true) => match &*r.pat {
                syn::Pat::Ident(pi) if pi.subpat.is_none() => pi.ident.clone(),
                _ => {
                    return self.unsupported(
                        e,
                        "the closure of `map` takes one element by reference and name, such as `|&v| ...`",
                    );
                }
            },
            _ => {
                let shape = if method == "map" { "|&v| ..." } else { "|v| ..." };
                return self
                    .unsupported(e, format!("the closure of `{method}` takes exactly one element, such as `{shape}`"));
            }
        };
        // Captures must be constants: the kernel differentiates with respect to the element only.
        let mut names = Vec::new();
        collect_idents(&c.body, &mut names);
        if let Some(active) = names.iter().find(|n| **n != param && self.is_active_name(&n.to_string())) {
            return self.unsupported(
                e,
                format!("the closure passed to `{method}` reads `{active}`, which depends on a differentiated input; a closure may capture only constants. Move `{active}` out of the closure as array arithmetic (`x.{method}(|v| ...) * {active}`)"),
            );
        }
        let mut item: syn::ItemFn =
            syn::parse_quote_spanned!(c.span()=> fn __kernel(#param: __Element) -> __Element {});
        // The body is the block's value as it is, not reparsed as a statement, which a body such
        // as `if a { b } < c` would not be.
        item.block.stmts.push(syn::Stmt::Expr((*c.body).clone(), None));
        let kernel = match crate::expand::lower(&item, &crate::args::Args::default()) {
            Ok(f) => f,
            Err(err) => {
                for e in err {
                    self.cx.error(e.span(), e.to_string());
                }
                return dummy();
            }
        };
        let jvp = crate::transform::tangent::sweep(&kernel);
        let seed = crate::transform::tangent_in(&param);
        let closure = quote_spanned!(c.span()=> |#param, __element_dot| {
            let #seed = ::core::option::Option::Some(__element_dot);
            #jvp
        });
        let x = self.leaf(recv);
        self.op("mapv", vec![x], Some(closure), e.span())
    }

    /// `x.mapv(f64::exp)`: the elementwise rule named by the path.
    fn mapv(&mut self, recv: &Expr, method: &Ident, args: &[&Expr], e: &Expr) -> Tree {
        if let [Expr::Closure(c)] = args {
            return self.mapv_closure(recv, method, c, e);
        }
        let rule = match args {
            [Expr::Path(p)]
                if p.path.segments.len() == 2
                    && matches!(p.path.segments[0].ident.to_string().as_str(), "f64" | "f32") =>
            {
                let f = p.path.segments[1].ident.to_string();
                rules::lookup(&f).filter(|r| matches!(r.arity, Arity::Unary) && !matches!(r.name, "sum" | "mean" | "t"))
            }
            _ => None,
        };
        let Some(rule) = rule else {
            return self.unsupported(e, format!("`{method}` on an active array is differentiable with a float method path, such as `x.{method}(f64::tanh)`; for other elementwise functions write the array expression directly (`x * x + 1.0`, `x.exp()`)"));
        };
        let x = self.leaf(recv);
        self.op(rule.name, vec![x], None, e.span())
    }

    fn call(&mut self, call: &syn::ExprCall, dst: Pat) {
        let Expr::Path(p) = strip(&call.func) else {
            self.cx.error_spanned(
                &call.func,
                "only calls of functions by path (`g(x)`, `module::g(x)`) are supported on active values",
            );
            return;
        };
        if p.qself.is_some() {
            self.cx.error_spanned(&call.func, "calls through `<T as Trait>::` paths are not supported on active values; call a `#[differentiable]` function");
            return;
        }
        let mut args = Vec::new();
        for a in &call.args {
            match self.expr(a) {
                Tree::Leaf(op) => args.push(op),
                Tree::Tuple(_) => {
                    self.cx.error_spanned(
                        a,
                        "tuple arguments to calls are not supported yet; pass the elements as separate arguments",
                    );
                    return;
                }
            }
        }
        let arg_spans = call.args.iter().map(Spanned::span).collect();
        let arg_refs = call
            .args
            .iter()
            .zip(&args)
            .map(|(a, op)| {
                // A borrowed parameter passed on as it is stays a borrow, active or constant.
                let deref = matches!(op, Operand::Var(v) if self.vars[v.0].borrowed_param) && matches!(strip(a), Expr::Path(_));
                let const_ref = matches!(op, Operand::Const(_))
                    && matches!(strip(a), Expr::Path(p) if p.path.get_ident().is_some_and(|i| self.ref_params.contains(&i.to_string())));
                deref || const_ref || matches!(a, Expr::Reference(r) if r.mutability.is_none())
            })
            .collect();
        self.stmts.push(Stmt::Call(Call { dst, path: p.path.clone(), args, arg_spans, arg_refs, span: call.span() }));
    }
    /// A hint for an error about `e` when it names an active parameter whose type is not a
    /// float: it is active only because its type is not recognised as a constant one.
    fn odd_param_hint(&self, e: &Expr) -> String {
        let Expr::Path(p) = strip(e) else { return String::new() };
        let Some(id) = p.path.get_ident() else { return String::new() };
        match self.odd_params.get(&id.to_string()) {
            Some(ty) => format!(
                ". `{id}` is differentiated because its type `{ty}` is not recognised as an integer or other constant type; name the parameters to differentiate with `#[differentiable(wrt(...))]`"
            ),
            None => String::new(),
        }
    }

    /// Whether a constant operand can be evaluated again anywhere: a literal, or a path that
    /// names no local (a `const` or `static` item).
    fn is_pure(&self, op: &Operand) -> bool {
        let Operand::Const(tokens) = op else { return false };
        match syn::parse2::<Expr>(tokens.clone()) {
            Ok(Expr::Lit(_)) => true,
            Ok(Expr::Path(p)) => p.path.get_ident().is_none_or(|id| self.lookup(&id.to_string()).is_none()),
            _ => false,
        }
    }

    /// Whether `e` reads any active value.
    fn is_active(&self, e: &Expr) -> bool {
        struct Finder<'l, 'c> {
            lower: &'l Lower<'c>,
            found: bool,
        }
        impl<'ast> Visit<'ast> for Finder<'_, '_> {
            fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
                if let Some(id) = p.path.get_ident() {
                    if matches!(self.lower.lookup(&id.to_string()), Some(Binding::Active(_))) {
                        self.found = true;
                    }
                }
            }
            fn visit_macro(&mut self, m: &'ast syn::Macro) {
                if self.lower.tokens_mention_active(&m.tokens) {
                    self.found = true;
                }
            }
        }
        let mut f = Finder { lower: self, found: false };
        f.visit_expr(e);
        f.found
    }

    fn tokens_mention_active(&self, tokens: &TokenStream) -> bool {
        tokens.clone().into_iter().any(|tt| match tt {
            TokenTree::Ident(id) => self.is_active_name(&id.to_string()),
            TokenTree::Group(g) => self.tokens_mention_active(&g.stream()),
            // Format strings name variables too: `println!("{x}")`.
            TokenTree::Literal(lit) => format_args_in(&lit.to_string()).iter().any(|n| self.is_active_name(n)),
            _ => false,
        })
    }

    fn is_active_name(&self, name: &str) -> bool {
        matches!(self.lookup(name), Some(Binding::Active(_)))
    }
}

/// The identifiers a string literal names as inline format arguments (`{x}`, `{x:.3}`).
/// `y` and the slice when `m` is `y.slice_mut(info).assign(&v)`.
fn slice_assign(m: &syn::ExprMethodCall) -> Option<(Ident, &Expr)> {
    if m.method != "assign" || m.args.len() != 1 {
        return None;
    }
    let Expr::MethodCall(inner) = strip(&m.receiver) else { return None };
    if inner.method != "slice_mut" || inner.args.len() != 1 {
        return None;
    }
    let Expr::Path(p) = strip(&inner.receiver) else { return None };
    Some((p.path.get_ident()?.clone(), &inner.args[0]))
}

/// `concatenate` or `stack` when `call` calls one of them (by any path ending so).
fn join_name(call: &syn::ExprCall) -> Option<&'static str> {
    let Expr::Path(p) = strip(&call.func) else { return None };
    match p.path.segments.last()?.ident.to_string().as_str() {
        "concatenate" => Some("concatenate"),
        "stack" => Some("stack"),
        _ => None,
    }
}

/// Every identifier that `e` names as a path or inside a macro.
fn collect_idents(e: &Expr, out: &mut Vec<Ident>) {
    struct Names<'o>(&'o mut Vec<Ident>);
    impl<'ast> Visit<'ast> for Names<'_> {
        fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
            if let Some(id) = p.path.get_ident() {
                self.0.push(id.clone());
            }
        }
    }
    Names(out).visit_expr(e);
}

fn format_args_in(lit: &str) -> Vec<String> {
    if !lit.contains('"') {
        return Vec::new();
    }
    let mut names = Vec::new();
    let mut chars = lit.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '{' {
            if chars.peek() == Some(&'{') {
                chars.next();
                continue;
            }
            let name: String = chars.clone().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if name.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_') {
                names.push(name);
            }
        }
    }
    names
}

fn macro_message(mac: &syn::Macro) -> String {
    format!(
        "macros cannot use active values in `#[differentiable]` functions (`{}!` reads one); compute with plain expressions, or use the macro outside the function",
        mac.path.to_token_stream()
    )
}

/// The rule of a complex number built from active parts: `Complex64::new(re, im)`,
/// `Complex::from_polar(r, θ)`, `Complex64::from(x)` (`Complex`, `Complex64`, `Complex32`,
/// possibly behind a path such as `num_complex::`).
fn complex_constructor(call: &syn::ExprCall) -> Option<&'static str> {
    let Expr::Path(p) = strip(&call.func) else { return None };
    let segs: Vec<String> = p.path.segments.iter().map(|s| s.ident.to_string()).collect();
    let [.., ty, f] = segs.as_slice() else { return None };
    if p.qself.is_some() || !matches!(ty.as_str(), "Complex" | "Complex64" | "Complex32") {
        return None;
    }
    match f.as_str() {
        "new" => Some("complex_new"),
        "from_polar" => Some("from_polar"),
        "from" => Some("from_real"),
        _ => None,
    }
}

/// `f64::sin(x)`-style calls of a float method through its type.
fn is_method_style(call: &syn::ExprCall) -> bool {
    let Expr::Path(p) = &*call.func else { return false };
    let segs = &p.path.segments;
    p.qself.is_none() && segs.len() == 2 && (segs[0].ident == "f64" || segs[0].ident == "f32") && {
        let m = segs[1].ident.to_string();
        rules::lookup(&m).is_some() || rules::NON_DIFFERENTIABLE.contains(&m.as_str())
    }
}

use control::is_exit;
use scan::is_compound;

pub(crate) fn strip(e: &Expr) -> &Expr {
    match e {
        Expr::Paren(p) => strip(&p.expr),
        Expr::Group(g) => strip(&g.expr),
        _ => e,
    }
}

/// The identifiers a pattern binds.
pub(crate) fn pat_idents(p: &syn::Pat) -> Vec<Ident> {
    struct Idents(Vec<Ident>);
    impl<'ast> Visit<'ast> for Idents {
        fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
            self.0.push(p.ident.clone());
            syn::visit::visit_pat_ident(self, p);
        }
    }
    let mut v = Idents(Vec::new());
    v.visit_pat(p);
    v.0
}

/// Tokens of a constant sub-expression, parenthesised unless it is a literal or a path.
fn const_tokens(e: &Expr) -> TokenStream {
    match strip(e) {
        e @ (Expr::Lit(_) | Expr::Path(_)) => e.to_token_stream(),
        e => quote!((#e)),
    }
}

/// The primal tokens of an operand read by a constant expression (a comparison, a cast, the
/// receiver of a method without a rule): a reference (a `&f64` parameter, an element read
/// `x[i]`) is read through, as `transform::operand` does.
pub fn operand_tokens_of(vars: &[VarInfo], op: &Operand) -> TokenStream {
    match op {
        Operand::Var(v) if vars[v.0].deref => {
            let x = &vars[v.0].ident;
            quote!((*#x))
        }
        Operand::Var(v) => vars[v.0].ident.to_token_stream(),
        Operand::Const(t) => t.clone(),
    }
}

fn operand_tokens(l: &Lower, op: &Operand) -> TokenStream {
    operand_tokens_of(&l.vars, op)
}

fn tree_tokens(l: &Lower, t: &Tree) -> TokenStream {
    match t {
        Tree::Leaf(op) => operand_tokens(l, op),
        Tree::Tuple(items) => {
            let items = items.iter().map(|i| tree_tokens(l, i));
            quote!((#(#items,)*))
        }
    }
}

fn pat_to_tokens(l: &Lower, p: &Pat) -> TokenStream {
    match p {
        Pat::Var(v) => l.vars[v.0].ident.to_token_stream(),
        Pat::Tuple(items) => {
            let items = items.iter().map(|i| pat_to_tokens(l, i));
            quote!((#(#items,)*))
        }
    }
}

fn dummy() -> Tree {
    Tree::Leaf(Operand::Const(quote!(0.0)))
}
