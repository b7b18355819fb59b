use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(rfc9110_deviation = "retry-after")]
enum E {
    #[error("slow down")]
    #[status(429)]
    Slow,
}

fn main() {}
