use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[header("cache-control", "no-store")]
enum E {
    #[error("e")]
    #[status(400)]
    Bad,
}

fn main() {}
