use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(400)]
    #[message(quota_exceeded)]
    Bad,
}

fn main() {}
