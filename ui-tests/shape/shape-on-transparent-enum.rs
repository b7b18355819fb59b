use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum Inner {
    #[error("gone")]
    #[status(404)]
    Gone,
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(envelope_array = "errors", status_as = "string")]
#[member("object", "error")]
enum App {
    #[error(transparent)]
    #[http_error(transparent)]
    Inner(Inner),
}

fn main() {}
