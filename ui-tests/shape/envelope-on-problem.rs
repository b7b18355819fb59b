use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem", envelope = "error", status_key = "code")]
#[member("status", "failed")]
enum E {
    #[error("bad")]
    #[status(400)]
    Bad,
}

fn main() {}
