use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem", message_key = "error")]
enum E {
    #[error("e")]
    #[status(400)]
    Bad,
}

fn main() {}
