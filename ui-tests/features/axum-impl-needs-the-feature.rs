// Without httperror's `axum` feature there is no `IntoResponse` impl: the
// derive emits it through a runtime macro that is empty when the feature is
// off, so the user's crate never needs axum for nothing.
use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(404)]
    Missing,
}

fn respond() -> impl axum_core::response::IntoResponse {
    E::Missing
}

fn main() {
    let _ = respond;
}
