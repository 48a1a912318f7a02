#!/usr/bin/env bash
# Compile time of higher-order derivatives, in debug, on this machine:
#   1. a crate holding only `#[differentiable(order = 9)] fn sinc` and a main that calls its
#      ninth derivative by nesting (sinc::grad::...::grad) and by Taylor mode
#      (sinc::derivatives::<10>): time to rebuild it after touching it (dependencies built);
#   2. the sinc example's incremental rebuild after an edit of the function, debug and release.
# Also prints the size of the code `#[differentiable(order = 9)]` generates for sinc.
#
#   bash benches/compile_time.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
dir=$root/target/compile-time
mkdir -p "$dir/src"
cat > "$dir/Cargo.toml" <<TOML
[package]
name = "sinc-compile-time"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
autodiff-runtime = { path = "$root/autodiff-runtime" }

[workspace]
TOML
cat > "$dir/src/main.rs" <<'RS'
use autodiff_runtime::differentiable;

#[differentiable(order = 9)]
fn sinc(x: f64) -> f64 {
    x.sin() / x
}

fn main() {
    let x = std::hint::black_box(0.7);
    let nested = sinc::grad::grad::grad::grad::grad::grad::grad::grad::grad(x);
    let taylor = sinc::derivatives::<10>(x)[9];
    println!("ninth derivative at 0.7: nested {nested:e}, Taylor mode {taylor:e}");
}
RS
export CARGO_TARGET_DIR=$dir/target
cargo build --quiet --manifest-path "$dir/Cargo.toml"
echo "// rebuilt $(date +%s%N)" >> "$dir/src/main.rs"
start=$(date +%s.%N)
cargo build --quiet --manifest-path "$dir/Cargo.toml"
end=$(date +%s.%N)
"$dir/target/debug/sinc-compile-time"
printf 'debug build of the crate with the ninth derivative (nested and Taylor mode): %.1f s\n' "$(echo "$end - $start" | bc)"
unset CARGO_TARGET_DIR

expansion=$root/autodiff-macros/tests/expand/higher_order_nine.expanded.rs
if [[ -f $expansion ]]; then
  printf 'generated code for sinc with order = 9: %d lines, %d bytes (%s)\n' "$(wc -l <"$expansion")" "$(wc -c <"$expansion")" "${expansion#$root/}"
fi

# The sinc example: edit the function (a no-op change of its body), rebuild, restore.
example=$root/examples/sinc.rs
cp "$example" "$dir/sinc.rs.orig"
trap 'cp "$dir/sinc.rs.orig" "$example"' EXIT
for profile in dev release; do
  flag=$([[ $profile == release ]] && echo --release || true)
  cargo build --quiet $flag --example sinc
  sed -i 's|^    x.sin() / x$|    x.sin() / x * 1.0|' "$example"
  start=$(date +%s.%N)
  cargo build --quiet $flag --example sinc
  end=$(date +%s.%N)
  cp "$dir/sinc.rs.orig" "$example"
  printf 'sinc example, incremental rebuild after editing the function (%s): %.1f s\n' "$profile" "$(echo "$end - $start" | bc)"
done
cargo build --quiet --release --example sinc
