use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(400)]
    #[header("", "x")]
    Bad,
}

fn main() {}
