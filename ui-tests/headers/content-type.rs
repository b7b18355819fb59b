use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(400)]
    #[header("Content-Type", "text/plain")]
    Bad,
}

fn main() {}
