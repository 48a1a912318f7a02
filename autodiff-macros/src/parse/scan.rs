//! Syntactic pre-scans of a loop body: which outer variables it assigns, and which of them
//! can hold active values (a fixpoint, since activity flows around the loop).

use crate::rules;
use std::collections::HashSet;
use syn::visit::Visit;
use syn::{BinOp, Expr};

/// Names assigned anywhere in `block` (`x = ..`, `x += ..`), and whether it contains a
/// `return`. Closures and nested items are not entered.
pub fn assigned(block: &syn::Block) -> (Vec<String>, bool) {
    struct V {
        names: Vec<String>,
        returns: bool,
    }
    impl<'ast> Visit<'ast> for V {
        fn visit_expr(&mut self, e: &'ast Expr) {
            match e {
                Expr::Assign(a) => self.target(&a.left),
                // `y.slice_mut(..).assign(..)` assigns `y`.
                Expr::MethodCall(m) if m.method == "assign" => {
                    if let Expr::MethodCall(inner) = &*m.receiver {
                        if inner.method == "slice_mut" {
                            self.target(&inner.receiver);
                        }
                    }
                }
                Expr::Binary(b) if is_compound(&b.op) => self.target(&b.left),
                Expr::Return(_) => self.returns = true,
                Expr::Closure(_) => return,
                _ => {}
            }
            syn::visit::visit_expr(self, e);
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    impl V {
        fn target(&mut self, e: &Expr) {
            if let Expr::Tuple(t) = e {
                t.elems.iter().for_each(|e| self.target(e));
                return;
            }
            // `y[i] = v` assigns `y`.
            if let Expr::Index(ix) = e {
                return self.target(&ix.expr);
            }
            if let Expr::Path(p) = e {
                if let Some(id) = p.path.get_ident() {
                    let n = id.to_string();
                    if !self.names.contains(&n) {
                        self.names.push(n);
                    }
                }
            }
        }
    }
    let mut v = V { names: Vec::new(), returns: false };
    v.visit_block(block);
    (v.names, v.returns)
}

/// Whether `block` contains a `return` anywhere but as its final statement.
pub fn early_return(block: &syn::Block) -> bool {
    let n = block.stmts.len();
    block.stmts.iter().enumerate().any(|(i, s)| {
        let last = i + 1 == n;
        match s {
            syn::Stmt::Expr(Expr::Return(r), _) if last => r.expr.as_deref().is_some_and(contains_return),
            syn::Stmt::Expr(e, _) => contains_return(e),
            syn::Stmt::Local(l) => l.init.as_ref().is_some_and(|i| contains_return(&i.expr)),
            _ => false,
        }
    })
}

fn contains_return(e: &Expr) -> bool {
    struct V(bool);
    impl<'ast> Visit<'ast> for V {
        fn visit_expr(&mut self, e: &'ast Expr) {
            match e {
                Expr::Return(_) => self.0 = true,
                Expr::Closure(_) => {}
                _ => syn::visit::visit_expr(self, e),
            }
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut v = V(false);
    v.visit_expr(e);
    v.0
}

/// The names among `candidates` that can hold an active value somewhere in `block`, given
/// the names `active` already does: an assignment or `let` whose value reads an active name
/// (through a differentiable operation) makes its target active, until nothing changes.
pub fn active_names(block: &syn::Block, active: &HashSet<String>) -> HashSet<String> {
    struct V<'a> {
        active: &'a mut HashSet<String>,
        changed: bool,
    }
    impl<'ast> Visit<'ast> for V<'_> {
        fn visit_expr(&mut self, e: &'ast Expr) {
            match e {
                Expr::Assign(a) => self.mark(&a.left, &a.right),
                Expr::MethodCall(m) if m.method == "assign" && m.args.len() == 1 => {
                    if let Expr::MethodCall(inner) = &*m.receiver {
                        if inner.method == "slice_mut" {
                            self.mark(&inner.receiver, &m.args[0]);
                        }
                    }
                }
                Expr::Binary(b)
                    if is_compound(&b.op)
                        && (result_active(&b.left, self.active) || result_active(&b.right, self.active)) =>
                {
                    self.mark_name(&b.left);
                }
                Expr::Closure(_) => return,
                _ => {}
            }
            syn::visit::visit_expr(self, e);
        }
        fn visit_local(&mut self, l: &'ast syn::Local) {
            if let Some(init) = &l.init {
                if result_active(&init.expr, self.active) {
                    for id in super::pat_idents(&l.pat) {
                        self.changed |= self.active.insert(id.to_string());
                    }
                }
            }
            syn::visit::visit_local(self, l);
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    impl V<'_> {
        fn mark(&mut self, left: &Expr, right: &Expr) {
            if result_active(right, self.active) {
                self.mark_name(left);
            }
        }
        fn mark_name(&mut self, left: &Expr) {
            if let Expr::Tuple(t) = left {
                t.elems.iter().for_each(|e| self.mark_name(e));
                return;
            }
            // An active value stored into `y[i]` makes `y` active.
            if let Expr::Index(ix) = left {
                return self.mark_name(&ix.expr);
            }
            if let Expr::Path(p) = left {
                if let Some(id) = p.path.get_ident() {
                    self.changed |= self.active.insert(id.to_string());
                }
            }
        }
    }
    let mut set = active.clone();
    loop {
        let mut v = V { active: &mut set, changed: false };
        v.visit_block(block);
        if !v.changed {
            return set;
        }
    }
}

/// Whether the value of `e` can be active given the active names: comparisons, casts to
/// integers and non-differentiable methods give constants whatever they read.
pub fn result_active(e: &Expr, active: &HashSet<String>) -> bool {
    match e {
        Expr::Path(p) => p.path.get_ident().is_some_and(|id| active.contains(&id.to_string())),
        Expr::Lit(_) => false,
        Expr::Paren(p) => result_active(&p.expr, active),
        Expr::Group(g) => result_active(&g.expr, active),
        Expr::Binary(b) => !is_comparison(&b.op) && (result_active(&b.left, active) || result_active(&b.right, active)),
        Expr::Cast(c) => !super::is_inactive_type(&c.ty) && result_active(&c.expr, active),
        Expr::MethodCall(m) if rules::NON_DIFFERENTIABLE.contains(&m.method.to_string().as_str()) => false,
        Expr::MethodCall(m) => result_active(&m.receiver, active) || m.args.iter().any(|a| result_active(a, active)),
        _ => {
            // Anything else (calls, blocks, branches, loops): active if it reads an active name.
            struct Reads<'a>(&'a HashSet<String>, bool);
            impl<'ast> Visit<'ast> for Reads<'_> {
                fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
                    if p.path.get_ident().is_some_and(|id| self.0.contains(&id.to_string())) {
                        self.1 = true;
                    }
                }
            }
            let mut r = Reads(active, false);
            r.visit_expr(e);
            r.1
        }
    }
}

/// Comparisons and boolean connectives: they read values and give a constant `bool`.
pub fn is_comparison(op: &BinOp) -> bool {
    matches!(
        op,
        BinOp::Eq(_)
            | BinOp::Ne(_)
            | BinOp::Lt(_)
            | BinOp::Le(_)
            | BinOp::Gt(_)
            | BinOp::Ge(_)
            | BinOp::And(_)
            | BinOp::Or(_)
    )
}

pub fn is_compound(op: &BinOp) -> bool {
    matches!(
        op,
        BinOp::AddAssign(_)
            | BinOp::SubAssign(_)
            | BinOp::MulAssign(_)
            | BinOp::DivAssign(_)
            | BinOp::RemAssign(_)
            | BinOp::BitXorAssign(_)
            | BinOp::BitAndAssign(_)
            | BinOp::BitOrAssign(_)
            | BinOp::ShlAssign(_)
            | BinOp::ShrAssign(_)
    )
}
