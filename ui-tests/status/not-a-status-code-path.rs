use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(Method::NOT_FOUND)]
    Missing,
}

fn main() {}
