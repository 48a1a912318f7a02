//! The macro is a pure function of its tokens: its code (tests aside) reads no file, no
//! environment variable, no clock and nothing from the network or other processes, and it
//! depends on nothing but the syntax crates. (That the same input expands to the same code is
//! `golden::expansions_are_deterministic`.)

use std::path::{Path, PathBuf};

/// What reading the world looks like in Rust source.
const FORBIDDEN: &[&str] = &[
    "std::fs",
    "std::io",
    "std::net",
    "std::process",
    "std::env",
    "std::time",
    "std::thread",
    "File::",
    "Command::",
    "env!(",
    "option_env!(",
    "include_str!(",
    "include_bytes!(",
    "Instant::",
    "SystemTime",
    "RandomState",
];

/// The dependencies the macro may have: syntax in, syntax out.
const DEPENDENCIES: &[&str] = &["prettyplease", "proc-macro2", "quote", "syn"];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for item in std::fs::read_dir(dir).expect("the macro's sources") {
        let path = item.expect("a directory entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The modules that `lib.rs` declares under `#[cfg(test)]`.
fn test_modules(lib: &str) -> Vec<String> {
    let lines: Vec<&str> = lib.lines().map(str::trim).collect();
    lines
        .windows(2)
        .filter(|w| w[0] == "#[cfg(test)]")
        .filter_map(|w| w[1].strip_prefix("mod ")?.strip_suffix(';').map(str::to_owned))
        .collect()
}

/// The code of a file before its inline `#[cfg(test)] mod tests { .. }`, comments left out.
fn code(text: &str) -> String {
    let end = text.find("#[cfg(test)]\nmod ").unwrap_or(text.len());
    text[..end].lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

#[test]
fn the_macro_reads_nothing_but_its_tokens() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).expect("lib.rs");
    let skip = test_modules(&lib);
    assert!(skip.contains(&"fuzz".to_owned()) && skip.contains(&"golden".to_owned()), "test modules: {skip:?}");
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    let mut checked = 0;
    for path in files {
        if path.file_stem().is_some_and(|s| skip.iter().any(|m| s == m.as_str())) {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a source file");
        let code = code(&text);
        for pattern in FORBIDDEN {
            assert!(!code.contains(pattern), "{} uses `{pattern}`: the macro must not read the world", path.display());
        }
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} source files checked");
}

#[test]
fn the_macro_depends_only_on_syntax_crates() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).expect("Cargo.toml");
    let section = manifest.split("\n[dependencies]\n").nth(1).expect("a [dependencies] section");
    let section = section.split("\n[").next().unwrap_or(section);
    let mut names: Vec<&str> = section
        .lines()
        .filter_map(|l| l.split_once('=').map(|(name, _)| name.trim()))
        .filter(|name| !name.is_empty() && !name.starts_with('#'))
        .collect();
    names.sort_unstable();
    assert_eq!(names, DEPENDENCIES, "a new dependency of the macro must do no I/O; review it and add it here");
}

/// The scan sees what it looks for.
#[test]
fn the_scan_finds_io() {
    let text = "fn f() {\n    let s = std::fs::read_to_string(\"x\");\n}\n#[cfg(test)]\nmod tests { use std::env; }\n";
    assert!(code(text).contains("std::fs"));
    assert!(!code(text).contains("std::env"));
    assert_eq!(test_modules("#[cfg(test)]\nmod fuzz;\nmod parse;\n"), ["fuzz"]);
}
