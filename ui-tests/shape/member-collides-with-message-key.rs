use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(message_key = "detail")]
#[member("detail", "fixed")]
enum E {
    #[error("bad")]
    #[status(400)]
    Bad,
}

fn main() {}
