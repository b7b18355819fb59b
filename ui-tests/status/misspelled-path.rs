use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(StatusCode::INSUFICIENT_STORAGE)]
    Full,
}

fn main() {}
