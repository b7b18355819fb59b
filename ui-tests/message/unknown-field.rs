use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(507)]
    #[message("quota exceeded: {usde} of {limit}")]
    QuotaExceeded { used: u64, limit: u64 },
}

fn main() {}
