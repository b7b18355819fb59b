use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("method not allowed")]
    #[status(METHOD_NOT_ALLOWED)]
    MethodNotAllowed,
}

fn main() {}
