use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = code)]
enum E {
    #[error("e")]
    #[status(400)]
    Bad,
}

fn main() {}
