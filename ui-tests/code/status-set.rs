use httperror::{HttpError, StatusCode};

fn choose() -> StatusCode {
    StatusCode::NOT_FOUND
}

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("a")]
    #[status(404 | 103 | 404, with = choose)]
    Interim,
    #[error("b")]
    #[status(404 | 401, with = choose)]
    NoHeader,
    #[error("c")]
    #[status(404 | 204, with = choose)]
    Payload {
        #[payload]
        id: u32,
    },
    #[error("d")]
    #[status(404, with = choose)]
    Single,
    #[error("e")]
    #[status(404 | 409)]
    NoCode,
    #[error("f")]
    #[status(404 | 599, with = choose)]
    Unregistered,
}

fn main() {}
