use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("sign in")]
    #[status(401)]
    Unauthorized,
}

fn main() {}
