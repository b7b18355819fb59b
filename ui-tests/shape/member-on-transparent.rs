use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum Inner {
    #[error("gone")]
    #[status(404)]
    Gone,
}

#[derive(Debug, thiserror::Error, HttpError)]
enum Outer {
    #[error(transparent)]
    #[http_error(transparent)]
    #[member("object", "error")]
    Inner(Inner),
}

#[derive(Debug, thiserror::Error, HttpError)]
#[error(transparent)]
#[http_error(transparent, envelope = "error", skip_message)]
#[member("object", "error")]
struct Wrap(Inner);

fn main() {}
