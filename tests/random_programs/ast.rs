//! The generated programs' syntax: typed expressions with holes, statements and functions,
//! printed as Rust source. The minimiser edits these trees, so every expression knows its type.

use std::fmt::Write as _;

/// A value's type: `f64`, a row vector of length `R`, a vector of length `C`, an `R × C`
/// matrix, or a pair of `f64`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Ty {
    S,
    Vr,
    Vc,
    M,
    Pair,
}

impl Ty {
    pub fn is_array(self) -> bool {
        matches!(self, Ty::Vr | Ty::Vc | Ty::M)
    }
}

/// An expression. A form is a template whose holes are filled with its arguments: `$k` prints
/// argument `k` as a value (parenthesized unless atomic), `@k` as a reference to an array
/// (`&v` for a local, `v` for a parameter that is already a reference, `&(e)` otherwise).
#[derive(Clone, Debug)]
pub enum Expr {
    /// A variable (or a tuple field `t.0`); `by_ref` for parameters of type `&Array..`.
    Var {
        name: String,
        ty: Ty,
        by_ref: bool,
    },
    Lit(f64),
    Form {
        form: String,
        args: Vec<Expr>,
        ty: Ty,
    },
}

impl Expr {
    pub fn var(name: &str, ty: Ty) -> Expr {
        Expr::Var { name: name.to_string(), ty, by_ref: false }
    }

    pub fn form(form: impl Into<String>, args: Vec<Expr>, ty: Ty) -> Expr {
        Expr::Form { form: form.into(), args, ty }
    }

    pub fn ty(&self) -> Ty {
        match self {
            Expr::Var { ty, .. } | Expr::Form { ty, .. } => *ty,
            Expr::Lit(_) => Ty::S,
        }
    }

    /// The number of nodes, the minimiser's measure of size.
    pub fn size(&self) -> usize {
        match self {
            Expr::Form { args, .. } => 1 + args.iter().map(Expr::size).sum::<usize>(),
            _ => 1,
        }
    }

    pub fn print(&self) -> String {
        match self {
            Expr::Var { name, .. } => name.clone(),
            Expr::Lit(c) => format!("{c:?}"),
            Expr::Form { form, args, .. } => {
                let mut out = String::new();
                let mut chars = form.char_indices().peekable();
                while let Some((i, c)) = chars.next() {
                    let digit = chars.peek().and_then(|&(_, d)| d.to_digit(10));
                    match (c, digit) {
                        ('$' | '@', Some(k)) => {
                            chars.next();
                            let arg = &args[k as usize];
                            let bare = bare_hole(&form[..i], &form[i + 2..]);
                            out += &if c == '@' { arg.print_ref() } else { arg.print_in(bare) };
                        }
                        _ => out.push(c),
                    }
                }
                out
            }
        }
    }

    /// As a value that is moved: an array variable is cloned (it may be used again).
    pub fn print_value(&self) -> String {
        match self {
            Expr::Var { name, ty, .. } if ty.is_array() => format!("{name}.clone()"),
            e => e.print(),
        }
    }

    /// Parenthesized unless atomic or in a place that needs no parentheses.
    fn print_in(&self, bare: bool) -> String {
        if bare {
            return self.print_value();
        }
        let s = self.print();
        if atomic(&s) { s } else { format!("({s})") }
    }

    fn print_ref(&self) -> String {
        match self {
            Expr::Var { name, by_ref: true, .. } => name.clone(),
            Expr::Var { name, .. } => format!("&{name}"),
            e => format!("&({})", e.print()),
        }
    }

    /// Calls `f` on every sub-expression, outermost first, with its path of argument indices.
    pub fn walk(&self, path: &mut Vec<usize>, f: &mut dyn FnMut(&[usize], &Expr)) {
        f(path, self);
        if let Expr::Form { args, .. } = self {
            for (k, a) in args.iter().enumerate() {
                path.push(k);
                a.walk(path, f);
                path.pop();
            }
        }
    }

    /// The sub-expression at `path`.
    pub fn at_mut(&mut self, path: &[usize]) -> &mut Expr {
        match (path.split_first(), self) {
            (None, e) => e,
            (Some((&k, rest)), Expr::Form { args, .. }) => args[k].at_mut(rest),
            _ => unreachable!("paths come from `walk`"),
        }
    }
}

/// Whether an expression's text needs no parentheses as an operand: a name, a literal, a call
/// or a chain of method calls (no space or leading `-` outside brackets).
fn atomic(s: &str) -> bool {
    let mut depth = 0i32;
    if s.starts_with('-') || s.starts_with('&') || s.starts_with('|') {
        return false;
    }
    for c in s.chars() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ' ' if depth == 0 => return false,
            _ => {}
        }
    }
    true
}

/// Whether a hole stands alone between delimiters (`(`, `, `, `{ `, `=> `) and needs no
/// parentheses whatever it holds.
fn bare_hole(before: &str, after: &str) -> bool {
    let open = before.is_empty() || ["(", ", ", "{ ", "=> ", "[", "= "].iter().any(|d| before.ends_with(d));
    let close = after.is_empty() || [")", ",", " }", "]", ";"].iter().any(|d| after.starts_with(d));
    // `(x).sin()` and `-(a + b)` need them; `f(a + b)` and `{ a + b }` do not.
    open && close && !before.ends_with('-')
}

/// A condition: two expressions compared, or a test of integers written out (`i % 2 == 0`).
#[derive(Clone, Debug)]
pub enum Cond {
    Cmp(Expr, &'static str, Expr),
    Int(String),
}

impl Cond {
    pub fn print(&self) -> String {
        match self {
            Cond::Cmp(a, op, b) => format!("{} {op} {}", a.print_in(false), b.print_in(false)),
            Cond::Int(s) => s.clone(),
        }
    }
}

#[derive(Clone, Debug)]
pub enum Stmt {
    Let {
        name: String,
        mutable: bool,
        init: Expr,
    },
    /// `let (a, b) = init;`
    LetPair {
        names: [String; 2],
        init: Expr,
    },
    /// `name op value;` with `op` one of `=`, `+=`, `-=`, `*=`, `/=`.
    Assign {
        name: String,
        op: &'static str,
        value: Expr,
    },
    /// `a[k] = value;` on an array.
    SetElem {
        name: String,
        index: String,
        value: Expr,
    },
    /// `(a, b) = (b, a);`
    Swap([String; 2]),
    /// `if c { .. } else if c { .. } else { .. }`: arms with conditions, then maybe a last one.
    If {
        arms: Vec<(Option<Cond>, Vec<Stmt>)>,
    },
    /// A `for` (head `for i in 0..n`), a `while` (counter `i` below `bound`) or a `loop`
    /// (counter `i`, `break` once it passes `bound`).
    Loop {
        kind: LoopKind,
        body: Vec<Stmt>,
    },
    Return(Expr),
    Break,
    Continue,
}

#[derive(Clone, Debug)]
pub enum LoopKind {
    For { var: String, range: String },
    While { counter: String, bound: usize },
    Loop { counter: String, bound: usize },
}

impl Stmt {
    pub fn size(&self) -> usize {
        let block = |b: &[Stmt]| b.iter().map(Stmt::size).sum::<usize>();
        match self {
            Stmt::Let { init, .. } | Stmt::LetPair { init, .. } => 1 + init.size(),
            Stmt::Assign { value, .. } | Stmt::SetElem { value, .. } | Stmt::Return(value) => 1 + value.size(),
            Stmt::If { arms } => arms.iter().map(|(c, b)| 1 + block(b) + c.as_ref().map_or(0, cond_size)).sum(),
            Stmt::Loop { body, .. } => 1 + block(body),
            Stmt::Swap(_) | Stmt::Break | Stmt::Continue => 1,
        }
    }

    fn print(&self, out: &mut String, indent: usize) {
        let pad = "    ".repeat(indent);
        let line = |out: &mut String, s: &str| {
            let _ = writeln!(out, "{pad}{s}");
        };
        match self {
            Stmt::Let { name, mutable, init } => {
                line(out, &format!("let {}{name} = {};", if *mutable { "mut " } else { "" }, init.print_value()))
            }
            Stmt::LetPair { names, init } => {
                line(out, &format!("let ({}, {}) = {};", names[0], names[1], init.print()))
            }
            Stmt::Assign { name, op, value } => {
                // `a += &b` on arrays: the right-hand side by reference. Rust rejects `a -= &(a + 1.0)`
                // (the right-hand side borrows `a` while `-=` borrows it mutably), so an update that
                // reads its own target is spelled out: `a = &a - &(a + 1.0)`.
                if value.ty().is_array() && *op != "=" && mentions(&value.print(), name) {
                    let bin = &op[..1];
                    line(out, &format!("{name} = &{name} {bin} {};", value.print_ref()))
                } else {
                    let rhs = if value.ty().is_array() && *op != "=" { value.print_ref() } else { value.print_value() };
                    line(out, &format!("{name} {op} {rhs};"))
                }
            }
            Stmt::SetElem { name, index, value } => line(out, &format!("{name}[{index}] = {};", value.print())),
            Stmt::Swap([a, b]) => line(out, &format!("({a}, {b}) = ({b}, {a});")),
            Stmt::Return(e) => line(out, &format!("return {};", e.print())),
            Stmt::Break => line(out, "break;"),
            Stmt::Continue => line(out, "continue;"),
            Stmt::If { arms } => {
                for (k, (cond, body)) in arms.iter().enumerate() {
                    let head = match (k, cond) {
                        (0, Some(c)) => format!("if {} {{", c.print()),
                        (_, Some(c)) => format!("}} else if {} {{", c.print()),
                        (_, None) => "} else {".to_string(),
                    };
                    line(out, &head);
                    print_block(body, out, indent + 1);
                }
                line(out, "}");
            }
            Stmt::Loop { kind, body } => {
                match kind {
                    LoopKind::For { var, range } => line(out, &format!("for {var} in {range} {{")),
                    LoopKind::While { counter, bound } => {
                        line(out, &format!("let mut {counter} = 0;"));
                        line(out, &format!("while {counter} < {bound} {{"));
                        line(out, &format!("    {counter} += 1;"));
                    }
                    LoopKind::Loop { counter, bound } => {
                        line(out, &format!("let mut {counter} = 0;"));
                        line(out, "loop {");
                        line(out, &format!("    {counter} += 1;"));
                        line(out, &format!("    if {counter} > {bound} {{"));
                        line(out, "        break;");
                        line(out, "    }");
                    }
                }
                print_block(body, out, indent + 1);
                line(out, "}");
            }
        }
    }
}

fn cond_size(c: &Cond) -> usize {
    match c {
        Cond::Cmp(a, _, b) => a.size() + b.size(),
        Cond::Int(_) => 1,
    }
}

fn print_block(body: &[Stmt], out: &mut String, indent: usize) {
    for s in body {
        s.print(out, indent);
    }
}

/// A parameter's type: a float, a constant integer `n`, or an array taken by reference or by
/// value.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Param {
    F64,
    Usize,
    Array { ty: Ty, by_ref: bool },
}

#[derive(Clone, Debug)]
pub struct Function {
    pub name: String,
    pub params: Vec<(String, Param)>,
    /// `R` and `C`, the lengths of `Vr` and `Vc` (the matrix is `R × C`).
    pub shape: (usize, usize),
    pub body: Vec<Stmt>,
    pub ret: Expr,
    /// `#[differentiable(order = 2)]`: also checks `hvp` against differences of `grad`.
    pub order2: bool,
    /// The generated functions this one calls (their indices in the batch).
    pub callees: Vec<usize>,
}

impl Function {
    pub fn size(&self) -> usize {
        self.body.iter().map(Stmt::size).sum::<usize>() + self.ret.size()
    }

    /// The array type of a `Ty`, with `R` and `C` only in the wrappers (the body never names them).
    pub fn rust_type(p: Param) -> &'static str {
        match p {
            Param::F64 => "f64",
            Param::Usize => "usize",
            Param::Array { ty: Ty::M, by_ref: true } => "&Array2<f64>",
            Param::Array { ty: Ty::M, by_ref: false } => "Array2<f64>",
            Param::Array { by_ref: true, .. } => "&Array1<f64>",
            Param::Array { .. } => "Array1<f64>",
        }
    }

    pub fn print(&self) -> String {
        let params: Vec<String> =
            self.params.iter().map(|(n, p)| format!("{n}: {}", Function::rust_type(*p))).collect();
        let attr = if self.order2 { "#[differentiable(order = 2)]" } else { "#[differentiable]" };
        let mut out = format!("{attr}\nfn {}({}) -> f64 {{\n", self.name, params.join(", "));
        print_block(&self.body, &mut out, 1);
        let _ = writeln!(out, "    {}\n}}", self.ret.print());
        out
    }

    /// The number of float coordinates of the active inputs.
    pub fn inputs(&self) -> usize {
        let (r, c) = self.shape;
        self.params
            .iter()
            .map(|(_, p)| match p {
                Param::F64 => 1,
                Param::Usize => 0,
                Param::Array { ty: Ty::Vr, .. } => r,
                Param::Array { ty: Ty::Vc, .. } => c,
                Param::Array { .. } => r * c,
            })
            .sum()
    }

    pub fn has_n(&self) -> bool {
        self.params.iter().any(|(_, p)| *p == Param::Usize)
    }

    /// Whether it works on arrays (values are then compared to rounding rather than bitwise:
    /// the rules' matrix products may sum in another order than ndarray's).
    pub fn is_array(&self) -> bool {
        self.params.iter().any(|(_, p)| matches!(p, Param::Array { .. }))
    }
}

/// Whether `code` reads the variable `name` (as a whole identifier).
fn mentions(code: &str, name: &str) -> bool {
    code.match_indices(name).any(|(i, _)| {
        let before = code[..i].chars().next_back();
        let after = code[i + name.len()..].chars().next();
        let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !ident(before) && !ident(after)
    })
}
