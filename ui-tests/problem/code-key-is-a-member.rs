use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem", code_key = "type")]
enum E {
    #[error("e")]
    #[status(400)]
    Bad,
}

fn main() {}
