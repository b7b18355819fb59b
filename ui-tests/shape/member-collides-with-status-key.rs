use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(status_key = "status")]
#[member("status", "failed")]
enum E {
    #[error("bad")]
    #[status(400)]
    #[member("status", "bad")]
    Bad,
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem", status_as = "string")]
enum P {
    #[error("bad")]
    #[status(400)]
    Bad,
}

fn main() {}
