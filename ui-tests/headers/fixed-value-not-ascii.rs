use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(400)]
    #[header("content-language", "français")]
    Bad,
}

fn main() {}
