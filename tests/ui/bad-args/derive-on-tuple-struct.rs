use autodiff_runtime::Parameters;
use autodiff_runtime::ndarray::Array1;

#[derive(Clone, Parameters)]
struct Weights(Array1<f64>, f64);

fn main() {}
