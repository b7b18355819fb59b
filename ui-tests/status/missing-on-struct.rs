use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[error("e")]
struct NoStatus {
    #[payload]
    id: u32,
}

fn main() {}
