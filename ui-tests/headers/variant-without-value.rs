use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(503)]
    #[header("retry-after")]
    Busy,
}

fn main() {}
