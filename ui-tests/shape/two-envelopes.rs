use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(envelope = "error", envelope_array = "errors")]
enum E {
    #[error("bad")]
    #[status(400)]
    Bad,
}

fn main() {}
