use autodiff_runtime::differentiable;

#[differentiable]
fn f(x: f64, y: f64) -> f64 {
    let z = x * y;
    let z = z + x;
    let mut w = z;
    w *= y;
    w -= x;
    w /= 2.0;
    w += 1.0;
    w
}

fn main() {
    let (x, y) = (2.0_f64, 3.0_f64);
    // f = ((x y + x) y - x) / 2 + 1 = (x y^2 + x y - x) / 2 + 1
    // df/dx = (y^2 + y - 1) / 2 = 5.5, df/dy = (2 x y + x) / 2 = 7
    let (value, (dx, dy)) = f::value_and_grad(x, y);
    assert!((value - 12.0).abs() < 1e-12, "value: {value}");
    assert!((dx - 5.5).abs() < 1e-12, "df/dx: {dx}");
    assert!((dy - 7.0).abs() < 1e-12, "df/dy: {dy}");

    let (_, dx_fwd) = f::jvp(x, y, 1.0, 0.0);
    let (_, dy_fwd) = f::jvp(x, y, 0.0, 1.0);
    assert!((dx_fwd - 5.5).abs() < 1e-12, "jvp x: {dx_fwd}");
    assert!((dy_fwd - 7.0).abs() < 1e-12, "jvp y: {dy_fwd}");
}
