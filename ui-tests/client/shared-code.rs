use httperror::HttpError;

// Two variants under one code at one status: a client could not tell
// which one it got.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code", decode)]
enum DbError {
    #[error("timeout")]
    #[status(500)]
    #[http_error(code = "internal")]
    Timeout,
    #[error("corrupt")]
    #[status(500)]
    #[http_error(code = "internal")]
    Corrupt,
}

// With `format = "text"`, a body carries no code.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "text", decode)]
enum Plain {
    #[error("gone")]
    #[status(410)]
    Gone,
}

fn main() {}
