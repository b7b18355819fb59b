use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[member("object", "error")]
#[member("object", "failure")]
enum E {
    #[error("bad")]
    #[status(400)]
    #[member("kind", "a")]
    #[member("kind", "b")]
    Bad,
}

fn main() {}
