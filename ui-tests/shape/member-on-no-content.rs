use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("nothing")]
    #[status(204)]
    #[member("object", "error")]
    Nothing,
}

fn main() {}
