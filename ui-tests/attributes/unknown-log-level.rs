use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(log = "warning")]
enum E {
    #[error("e")]
    #[status(409)]
    Conflict,
}

fn main() {}
