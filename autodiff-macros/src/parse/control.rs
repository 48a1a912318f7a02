//! Lowering of control flow: branches meet in phi outputs, loops carry slots, and early
//! exits (`break`, `continue`, `return`) set flags that guards test to skip the rest.
//!
//! ```text
//! for k in 0..n { if s > 1.0 { break; } s = s * x; }
//! ```
//! becomes a loop with slot `s_1` (init `s`, end `s_2`) whose body is
//! `if s_1 > 1.0 { __brk = true; __skip = true; }` followed by the guard
//! `if !__skip { s_2 = s_1 * x } else { s_2 = s_1 }`.

use super::{Binding, LoopCtx, Lower, dummy, pat_idents, scan, strip, tree_tokens};
use crate::ir::{Arm, Block, Branch, BranchHead, Loop, LoopHead, Operand, Slot, Stmt, Tree};
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote};
use std::collections::{HashMap, HashSet};
use syn::spanned::Spanned;
use syn::visit::Visit;
use syn::{Expr, Ident};

/// The source of one arm of a branch.
pub(super) enum ArmSrc<'a> {
    Block(&'a syn::Block),
    Expr(&'a Expr),
    /// The rest of a sequence after an early exit (`true`: at the top of the function).
    Rest(&'a [syn::Stmt], bool),
    Empty,
}

const DEFAULT: &str = "::core::default::Default::default()";

fn default_value() -> TokenStream {
    DEFAULT.parse().expect("tokens")
}

/// Whether `e` is `break`, `continue` or `return`.
pub(super) fn is_exit(e: &Expr) -> bool {
    matches!(strip(e), Expr::Break(_) | Expr::Continue(_) | Expr::Return(_))
}

impl Lower<'_> {
    fn next_id(&mut self) -> usize {
        self.ids += 1;
        self.ids
    }

    /// Lowers `if`, `match`, a block, a loop or an exit; returns its value (a unit constant
    /// when `want_value` is false or it has none).
    pub(super) fn control(&mut self, e: &Expr, want_value: bool) -> Tree {
        match e {
            Expr::Paren(p) => self.control(&p.expr, want_value),
            Expr::Group(g) => self.control(&g.expr, want_value),
            Expr::If(i) => self.if_expr(i, want_value),
            Expr::Match(m) => self.match_expr(m, want_value),
            Expr::Block(b) => {
                if b.label.is_some() {
                    self.cx.error_spanned(
                        &b.label,
                        "labelled blocks are not supported in `#[differentiable]` functions; use a loop or a branch",
                    );
                    return dummy();
                }
                self.branch(BranchHead::Block, vec![(ArmSrc::Block(&b.block), Vec::new())], want_value, e)
            }
            Expr::ForLoop(_) | Expr::While(_) | Expr::Loop(_) => self.lower_loop(e, want_value),
            Expr::Break(b) => {
                self.exit_break(b);
                dummy()
            }
            Expr::Continue(c) => {
                self.exit_continue(c);
                dummy()
            }
            Expr::Return(r) => {
                self.exit_return(r);
                dummy()
            }
            _ => dummy(),
        }
    }

    fn if_expr(&mut self, i: &syn::ExprIf, want_value: bool) -> Tree {
        if let Expr::Let(l) = &*i.cond {
            self.cx.error_spanned(l, "`if let` is not supported in `#[differentiable]` functions; use `match`");
            return dummy();
        }
        let Some(cond) = self.condition(&i.cond) else { return dummy() };
        let else_arm = match &i.else_branch {
            Some((_, e)) => ArmSrc::Expr(e),
            None => ArmSrc::Empty,
        };
        self.branch(
            BranchHead::If(cond),
            vec![(ArmSrc::Block(&i.then_branch), Vec::new()), (else_arm, Vec::new())],
            want_value,
            i,
        )
    }

    /// A condition, evaluated on primal values: a constant `bool`.
    fn condition(&mut self, cond: &Expr) -> Option<TokenStream> {
        match self.expr(cond) {
            Tree::Leaf(Operand::Const(t)) => Some(t),
            _ => {
                self.cx.error_spanned(cond, "a condition must be a `bool`, such as a comparison `x > 0.0`");
                None
            }
        }
    }

    fn match_expr(&mut self, m: &syn::ExprMatch, want_value: bool) -> Tree {
        let scrutinee = match self.expr(&m.expr) {
            Tree::Leaf(Operand::Const(t)) => t,
            _ => {
                self.cx.error_spanned(&m.expr, "`match` on an active float value is not supported; match on an integer, a `bool` or an enum (such as a comparison)");
                return dummy();
            }
        };
        let mut pats = Vec::new();
        let mut arms = Vec::new();
        for arm in &m.arms {
            let pat = &arm.pat;
            let guard = match &arm.guard {
                Some((_, g)) => {
                    if self.is_active(g) {
                        self.cx.error_spanned(g, "match guards cannot read active values; compute the condition before the `match` and match on it");
                    }
                    quote!(if #g)
                }
                None => TokenStream::new(),
            };
            pats.push(quote!(#pat #guard));
            arms.push((ArmSrc::Expr(&arm.body), pat_idents(&arm.pat)));
        }
        self.branch(BranchHead::Match { scrutinee, pats }, arms, want_value, m)
    }

    /// The rest of a sequence, skipped when an exit flag is set.
    pub(super) fn guard(&mut self, rest: &[syn::Stmt], want_value: bool, top: bool) -> Option<Tree> {
        let mut flags: Vec<Ident> = self.loops.last().map(|l| l.skip.clone()).into_iter().collect();
        flags.extend(self.returned.clone());
        let cond = quote!(!(#(#flags)||*));
        let node = rest.first().map_or(TokenStream::new(), ToTokens::to_token_stream);
        let value = self.branch(
            BranchHead::If(cond),
            vec![(ArmSrc::Rest(rest, top), Vec::new()), (ArmSrc::Empty, Vec::new())],
            want_value && !top,
            &node,
        );
        (want_value && !top).then_some(value)
    }

    /// Lowers the arms of a branch; the variables they assign and the branch's value meet in
    /// fresh outputs.
    fn branch(
        &mut self,
        head: BranchHead,
        arms: Vec<(ArmSrc, Vec<Ident>)>,
        want_value: bool,
        node: &dyn ToTokens,
    ) -> Tree {
        let id = self.next_id();
        let snapshot = self.scopes.clone();
        let mut lowered = Vec::new();
        for (arm, names) in &arms {
            self.scopes = snapshot.clone();
            self.scopes.push(HashMap::new());
            for n in names {
                self.bind(n, Binding::Inactive(n.clone()));
            }
            let outer = std::mem::take(&mut self.stmts);
            let tail = match arm {
                ArmSrc::Block(b) => self.seq(&b.stmts, want_value, false),
                ArmSrc::Rest(stmts, top) => self.seq(stmts, want_value, *top),
                ArmSrc::Expr(e) => self.arm_expr(e, want_value),
                ArmSrc::Empty => None,
            };
            let stmts = std::mem::replace(&mut self.stmts, outer);
            self.scopes.pop();
            let block = Block { id: self.next_id(), stmts };
            lowered.push((block, tail, std::mem::replace(&mut self.scopes, snapshot.clone())));
        }
        self.scopes = snapshot;

        // Variables assigned in some arm meet in an output.
        let mut names: Vec<String> = Vec::new();
        for scope in &self.scopes {
            for k in scope.keys() {
                if !names.contains(k) {
                    names.push(k.clone());
                }
            }
        }
        names.sort();
        let mut outputs = Vec::new();
        let mut values: Vec<Vec<Operand>> = vec![Vec::new(); lowered.len()];
        for name in names {
            let before = self.lookup(&name).cloned().expect("visible name");
            let after: Vec<Binding> =
                lowered.iter().map(|(_, _, sc)| lookup_in(sc, &name).expect("visible name")).collect();
            if after.iter().all(|b| b.same(&before)) {
                continue;
            }
            let per_arm: Vec<Option<Tree>> = after.iter().map(|b| Some(self.binding_tree(b.clone()))).collect();
            match self.meet(&name, &per_arm, &mut values, &mut outputs) {
                Some(tree) => self.rebind(&name, Binding::Active(tree)),
                None if name == "__ret" => {}
                None => self.cx.error_spanned(
                    &node,
                    format!("`{name}` holds values of different shapes in the arms of this branch (a tuple in one, a number or another tuple in another)"),
                ),
            }
        }

        // The branch's own value.
        let mut result = None;
        let mut results: Vec<Option<TokenStream>> = vec![None; lowered.len()];
        let mut value = Tree::Leaf(Operand::Const(quote!(())));
        if want_value {
            let tails: Vec<Option<Tree>> = lowered.iter().map(|(_, t, _)| t.clone()).collect();
            if tails.iter().flatten().any(Tree::is_active) {
                let name = format!("t{}", self.vars.len());
                match self.meet(&name, &tails, &mut values, &mut outputs) {
                    Some(tree) => value = tree,
                    None => self.cx.error_spanned(
                        &node,
                        "the arms of this branch give values of different shapes (a tuple in one, a number or another tuple in another)",
                    ),
                }
            } else if tails.iter().any(Option::is_some) {
                let r = format_ident!("__r{}", id, span = Span::mixed_site());
                for (slot, t) in results.iter_mut().zip(&tails) {
                    *slot = Some(match t {
                        Some(t) => tree_tokens(self, t),
                        None => default_value(),
                    });
                }
                value = Tree::Leaf(Operand::Const(r.to_token_stream()));
                result = Some(r);
            }
        }
        let arms = lowered
            .into_iter()
            .zip(values)
            .zip(results)
            .map(|(((block, _, _), values), result)| Arm { block, values, result })
            .collect();
        self.stmts.push(Stmt::Branch(Branch { id, head, arms, outputs, result }));
        value
    }
    /// Makes fresh outputs for values that meet after a branch, one per leaf of their common
    /// shape, and appends each arm's leaf to that arm's `values` (a default for an arm that
    /// left early, `None`). Returns the tree of outputs, or `None` if the shapes differ.
    fn meet(
        &mut self,
        name: &str,
        per_arm: &[Option<Tree>],
        values: &mut [Vec<Operand>],
        outputs: &mut Vec<crate::ir::Var>,
    ) -> Option<Tree> {
        let shape = per_arm.iter().flatten().next()?.clone();
        if !per_arm.iter().flatten().all(|t| same_shape(t, &shape)) {
            return None;
        }
        let mut path = Vec::new();
        Some(self.meet_at(name, &shape, per_arm, values, outputs, &mut path))
    }

    fn meet_at(
        &mut self,
        name: &str,
        shape: &Tree,
        per_arm: &[Option<Tree>],
        values: &mut [Vec<Operand>],
        outputs: &mut Vec<crate::ir::Var>,
        path: &mut Vec<usize>,
    ) -> Tree {
        match shape {
            Tree::Leaf(_) => {
                let var = self.fresh(name);
                outputs.push(var);
                for (v, t) in values.iter_mut().zip(per_arm) {
                    v.push(match t {
                        Some(t) => leaf_at(t, path).clone(),
                        None => Operand::Const(default_value()),
                    });
                }
                Tree::var(var)
            }
            Tree::Tuple(items) => Tree::Tuple(
                (0..items.len())
                    .map(|i| {
                        path.push(i);
                        let t = self.meet_at(name, &items[i], per_arm, values, outputs, path);
                        path.pop();
                        t
                    })
                    .collect(),
            ),
        }
    }

    fn arm_expr(&mut self, e: &Expr, want_value: bool) -> Option<Tree> {
        match strip(e) {
            Expr::Block(b) if b.label.is_none() => self.seq(&b.block.stmts, want_value, false),
            e if is_exit(e) => {
                self.control(e, false);
                None
            }
            e if want_value => Some(self.expr(e)),
            e => {
                self.expr_stmt(e);
                None
            }
        }
    }

    fn lower_loop(&mut self, e: &Expr, want_value: bool) -> Tree {
        let id = self.next_id();
        let (label, body) = match e {
            Expr::ForLoop(f) => (&f.label, &f.body),
            Expr::While(w) => (&w.label, &w.body),
            Expr::Loop(l) => (&l.label, &l.body),
            _ => return dummy(),
        };
        // A header that reads active values through constant methods (`0..y.len()`) is
        // evaluated with the values' generated names.
        let mut for_iter = None;
        if let Expr::ForLoop(f) = e {
            if self.is_active(&f.expr) {
                if self.iterates_active(&f.expr) {
                    self.cx.error_spanned(&f.expr, "`for` loops iterate over constants, such as integer ranges; iterate over indices and read active values inside the body");
                    return dummy();
                }
                for_iter = Some(self.constant_iter(&f.expr));
            }
        }
        if let Expr::While(w) = e {
            if let Expr::Let(l) = &*w.cond {
                self.cx.error_spanned(l, "`while let` is not supported in `#[differentiable]` functions; use `loop` with a `match` and `break`");
                return dummy();
            }
        }
        // A `loop` whose value is used: `break v` assigns `__loopN`.
        let value_name = if want_value && matches!(e, Expr::Loop(_)) {
            let ident = format_ident!("__loop{}", id, span = Span::mixed_site());
            let default = default_value();
            self.stmts.push(Stmt::Inactive(quote!(let mut #ident = #default;)));
            self.bind(&ident, Binding::Inactive(ident.clone()));
            Some(ident.to_string())
        } else {
            None
        };

        // Slots: the outer variables the body assigns that can hold active values.
        let (mut assigned, returns) = scan::assigned(body);
        if returns && self.returned.is_some() {
            assigned.push("__ret".into());
        }
        assigned.extend(value_name.clone());
        for ctx in &self.loops {
            assigned.extend(ctx.value.clone());
        }
        assigned.retain(|n| self.lookup(n).is_some());
        let mut active: HashSet<String> = HashSet::new();
        for scope in &self.scopes {
            for (k, b) in scope {
                if matches!(b, Binding::Active(_)) || k.starts_with("__") {
                    active.insert(k.clone());
                }
            }
        }
        let active = scan::active_names(body, &active); // One slot per leaf of the variable's value: a tuple carries one slot per element.
        let mut slots: Vec<Carried> = Vec::new();
        let mut reported: Vec<String> = Vec::new();
        for name in assigned.iter().filter(|n| active.contains(*n)) {
            let b = self.lookup(name).cloned().expect("visible name");
            let shape = self.binding_tree(b);
            let inits = leaves(&shape);
            let vars: Vec<crate::ir::Var> = inits.iter().map(|_| self.fresh(name)).collect();
            let tree = rebuild(&shape, &mut vars.iter().copied());
            self.rebind(name, Binding::Active(tree));
            slots.push(Carried { name: name.clone(), shape, leaves: vars.into_iter().zip(inits).collect() });
        }

        let brk = format_ident!("__brk{}", id, span = Span::mixed_site());
        let skip = format_ident!("__skip{}", id, span = Span::mixed_site());
        let label_name = label.as_ref().map(|l| l.name.ident.to_string());
        self.loops.push(LoopCtx { label: label_name, brk: brk.clone(), skip: skip.clone(), value: value_name.clone() });
        let outer = std::mem::take(&mut self.stmts);
        self.scopes.push(HashMap::new());
        let head = match e {
            Expr::ForLoop(f) => {
                for id in pat_idents(&f.pat) {
                    self.bind(&id, Binding::Inactive(id.clone()));
                }
                let (pat, iter) = (&f.pat, &f.expr);
                LoopHead::For { pat: quote!(#pat), iter: for_iter.take().unwrap_or_else(|| quote!(#iter)) }
            }
            Expr::While(w) => {
                let cond = self.condition(&w.cond).unwrap_or_else(|| quote!(false));
                if self.stmts.is_empty() {
                    LoopHead::While(cond)
                } else {
                    // The condition computes with active values: `loop { if !cond { break } .. }`,
                    // so that its operations run, and are recorded, once per iteration.
                    let sets = self.leave(self.loops.len() - 1);
                    self.stmts.push(Stmt::Inactive(quote!(if !(#cond) { #sets })));
                    self.push_exit(Some(self.loops.len() - 1));
                    LoopHead::Loop
                }
            }
            _ => LoopHead::Loop,
        };
        if matches!(head, LoopHead::Loop) && matches!(e, Expr::While(_)) {
            self.guard(&body.stmts, false, false);
        } else {
            self.seq(&body.stmts, false, false);
        } // The carried variables' values at the end of the body, as the scopes outside the body
        // see them (a `let` in the body that shadows one of them does not end its life).
        let mut ends = Vec::new();
        let body_scope = self.scopes.len() - 1;
        for Carried { name, shape, leaves: leaves_ } in &slots {
            let b = lookup_in(&self.scopes[..body_scope], name).expect("visible name");
            let end = self.binding_tree(b);
            if same_shape(&end, shape) {
                ends.extend(leaves(&end));
            } else {
                if name != "__ret" {
                    self.cx.error_spanned(e, format!("`{name}` changes shape in this loop (a tuple becomes a number, or the reverse); keep one shape"));
                }
                reported.push(name.clone());
                ends.extend(leaves_.iter().map(|(v, _)| Operand::Var(*v)));
            }
        }
        self.scopes.pop();
        let stmts = std::mem::replace(&mut self.stmts, outer);
        for Carried { name, shape, leaves: leaves_ } in &slots {
            let tree = rebuild(shape, &mut leaves_.iter().map(|(v, _)| *v));
            self.rebind(name, Binding::Active(tree));
        }
        for name in &assigned {
            let slotted = slots.iter().any(|c| &c.name == name);
            if !slotted && !reported.contains(name) && matches!(self.lookup(name), Some(Binding::Active(_))) {
                self.cx.error_spanned(e, format!("`{name}` becomes active inside this loop in a way `#[differentiable]` cannot follow; initialise it from an active value before the loop"));
            }
        }
        self.loops.pop();
        let depth = self.loops.len();
        self.exits.retain(|(_, t)| *t != Some(depth));
        let slots = slots
            .into_iter()
            .flat_map(|c| c.leaves)
            .zip(ends)
            .map(|((var, init), end)| Slot { var, init, end })
            .collect();
        let body = Block { id: self.next_id(), stmts };
        self.stmts.push(Stmt::Loop(Loop { id, head, slots, body, brk, skip }));
        match value_name {
            Some(name) => {
                let b = self.lookup(&name).cloned().expect("loop value");
                self.binding_tree(b)
            }
            None => Tree::Leaf(Operand::Const(quote!(()))),
        }
    }

    fn target(&mut self, label: Option<&syn::Lifetime>, what: &str, span: Span) -> Option<usize> {
        match label {
            Some(l) => {
                let name = l.ident.to_string();
                let t = self.loops.iter().rposition(|c| c.label.as_deref() == Some(name.as_str()));
                if t.is_none() {
                    self.cx.error_spanned(l, format!("no enclosing loop is labelled `{l}`"));
                }
                t
            }
            None if self.loops.is_empty() => {
                self.cx.error(span, format!("`{what}` outside of a loop"));
                None
            }
            None => Some(self.loops.len() - 1),
        }
    }

    fn push_exit(&mut self, target: Option<usize>) {
        self.exits.push((self.exit_seq, target));
        self.exit_seq += 1;
    }

    /// Flags that leave loops `from..` (`brk`) and skip the rest of their iterations.
    fn leave(&self, from: usize) -> TokenStream {
        let mut sets = TokenStream::new();
        for c in &self.loops[from..] {
            let (b, s) = (&c.brk, &c.skip);
            sets.extend(quote!(#b = true; #s = true;));
        }
        sets
    }

    fn exit_break(&mut self, b: &syn::ExprBreak) {
        let Some(t) = self.target(b.label.as_ref(), "break", b.span()) else { return };
        if let Some(v) = &b.expr {
            match self.loops[t].value.clone() {
                Some(name) => {
                    let value = self.expr(v);
                    self.assign_value(&name, value, v.span());
                }
                None => {
                    self.cx.error_spanned(v, "`break` with a value is supported in a `loop` whose value is used, as in `let y = loop { ... break v; };`");
                }
            }
        }
        let sets = self.leave(t);
        self.stmts.push(Stmt::Inactive(sets));
        self.push_exit(Some(t));
    }

    fn exit_continue(&mut self, c: &syn::ExprContinue) {
        let Some(t) = self.target(c.label.as_ref(), "continue", c.span()) else { return };
        let mut sets = self.leave(t + 1);
        let s = &self.loops[t].skip;
        sets.extend(quote!(#s = true;));
        self.stmts.push(Stmt::Inactive(sets));
        self.push_exit(Some(t));
    }

    fn exit_return(&mut self, r: &syn::ExprReturn) {
        let Some(flag) = self.returned.clone() else {
            self.cx.error_spanned(r, "this `return` is not supported here; end the body with the returned value");
            return;
        };
        match &r.expr {
            Some(v) => {
                let value = self.expr(v);
                if let Tree::Tuple(_) = value {
                    self.cx.error_spanned(
                        v,
                        "an early `return` of a tuple is not supported; return tuples only at the end of the function",
                    );
                } else {
                    self.assign_value("__ret", value, v.span());
                }
            }
            None => self
                .cx
                .error_spanned(r, "`return` without a value; a `#[differentiable]` function must return its result"),
        }
        let mut sets = self.leave(0);
        sets.extend(quote!(#flag = true;));
        self.stmts.push(Stmt::Inactive(sets));
        self.push_exit(None);
    }

    /// Whether `e` contains a `break`, `continue` or `return` that leaves `e` itself, so that
    /// it cannot be kept as written even when it reads no active value.
    pub(super) fn escapes(&self, e: &Expr) -> bool {
        struct V {
            depth: usize,
            labels: Vec<String>,
            found: bool,
        }
        impl<'ast> Visit<'ast> for V {
            fn visit_expr(&mut self, e: &'ast Expr) {
                let label = match e {
                    Expr::ForLoop(f) => Some(&f.label),
                    Expr::While(w) => Some(&w.label),
                    Expr::Loop(l) => Some(&l.label),
                    _ => None,
                };
                match e {
                    Expr::Closure(_) => {}
                    Expr::Return(_) => self.found = true,
                    Expr::Break(syn::ExprBreak { label, .. }) | Expr::Continue(syn::ExprContinue { label, .. }) => {
                        match label {
                            Some(l) if !self.labels.contains(&l.ident.to_string()) => self.found = true,
                            None if self.depth == 0 => self.found = true,
                            _ => {}
                        }
                        syn::visit::visit_expr(self, e);
                    }
                    _ if label.is_some() => {
                        let l = label.unwrap().as_ref().map(|l| l.name.ident.to_string());
                        self.depth += 1;
                        self.labels.extend(l.clone());
                        syn::visit::visit_expr(self, e);
                        if l.is_some() {
                            self.labels.pop();
                        }
                        self.depth -= 1;
                    }
                    _ => syn::visit::visit_expr(self, e),
                }
            }
            fn visit_item(&mut self, _: &'ast syn::Item) {}
        }
        let mut v = V { depth: 0, labels: Vec::new(), found: false };
        v.visit_expr(e);
        v.found
    }
}

/// A variable a loop carries: its value's shape, and one slot (with its initial value) per leaf.
struct Carried {
    name: String,
    shape: Tree,
    leaves: Vec<(crate::ir::Var, Operand)>,
}

/// Whether two values are both leaves, or tuples of the same shape.
fn same_shape(a: &Tree, b: &Tree) -> bool {
    match (a, b) {
        (Tree::Leaf(_), Tree::Leaf(_)) => true,
        (Tree::Tuple(x), Tree::Tuple(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_shape(a, b)),
        _ => false,
    }
}

/// The leaf of `t` at `path` (tuple indices).
fn leaf_at<'t>(t: &'t Tree, path: &[usize]) -> &'t Operand {
    match (t, path.split_first()) {
        (Tree::Leaf(op), _) => op,
        (Tree::Tuple(items), Some((i, rest))) => leaf_at(&items[*i], rest),
        (Tree::Tuple(_), None) => unreachable!("shapes were compared"),
    }
}

/// The leaves of `t`, in order.
fn leaves(t: &Tree) -> Vec<Operand> {
    match t {
        Tree::Leaf(op) => vec![op.clone()],
        Tree::Tuple(items) => items.iter().flat_map(leaves).collect(),
    }
}

/// `shape` with its leaves replaced, in order, by `vars`.
fn rebuild(shape: &Tree, vars: &mut impl Iterator<Item = crate::ir::Var>) -> Tree {
    match shape {
        Tree::Leaf(_) => Tree::var(vars.next().expect("one value per leaf")),
        Tree::Tuple(items) => Tree::Tuple(items.iter().map(|i| rebuild(i, vars)).collect()),
    }
}

fn lookup_in(scopes: &[HashMap<String, Binding>], name: &str) -> Option<Binding> {
    scopes.iter().rev().find_map(|s| s.get(name)).cloned()
}

impl Lower<'_> {
    /// Whether a `for` loop's iterator yields values that depend on an active one (rather
    /// than reading active values through constant methods, as `1..y.len()` does).
    fn iterates_active(&self, e: &Expr) -> bool {
        match strip(e) {
            Expr::Range(r) => {
                r.start.as_deref().is_some_and(|x| self.iterates_active(x))
                    || r.end.as_deref().is_some_and(|x| self.iterates_active(x))
            }
            Expr::MethodCall(m) if crate::rules::NON_DIFFERENTIABLE.contains(&m.method.to_string().as_str()) => false,
            Expr::MethodCall(m) if matches!(m.method.to_string().as_str(), "rev" | "step_by") => {
                self.iterates_active(&m.receiver) || m.args.iter().any(|a| self.iterates_active(a))
            }
            Expr::Binary(b) if !scan::is_comparison(&b.op) => {
                self.iterates_active(&b.left) || self.iterates_active(&b.right)
            }
            Expr::Cast(c) => !super::is_inactive_type(&c.ty) && self.iterates_active(&c.expr),
            other => self.is_active(other),
        }
    }

    /// The tokens of an iterator that `iterates_active` found constant, with active values'
    /// generated names.
    fn constant_iter(&mut self, e: &Expr) -> TokenStream {
        match strip(e) {
            Expr::Range(r) => {
                let start = r.start.as_deref().map(|x| self.constant_iter(x));
                let end = r.end.as_deref().map(|x| self.constant_iter(x));
                let limits = &r.limits;
                quote!((#start #limits #end))
            }
            Expr::MethodCall(m) if matches!(m.method.to_string().as_str(), "rev" | "step_by") => {
                let recv = self.constant_iter(&m.receiver);
                let method = &m.method;
                let args: Vec<TokenStream> = m.args.iter().map(|a| self.constant_iter(a)).collect();
                quote!(#recv.#method(#(#args),*))
            }
            other => match self.leaf(other) {
                Operand::Const(t) => t,
                Operand::Var(_) => {
                    self.cx.error_spanned(other, "a `for` loop's bounds must be constants");
                    quote!(0)
                }
            },
        }
    }
}
