use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(400)]
    #[http_error(message_key = "detail")]
    Bad,
}

fn main() {}
