use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code")]
enum E {
    #[error("bad")]
    #[status(400)]
    #[member("code", 400)]
    Bad,
}

fn main() {}
