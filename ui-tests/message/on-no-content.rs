use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("deleted")]
    #[status(NO_CONTENT)]
    #[message("the file was deleted")]
    Deleted,
}

fn main() {}
