use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "message")]
enum E {
    #[error("e")]
    #[status(400)]
    Bad,
}

fn main() {}
