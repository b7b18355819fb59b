use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(rfc9110_deviation = "allow")]
enum E {
    #[error("who are you")]
    #[status(401)]
    #[http_error(rfc9110_deviation = "www-authenticate")]
    Unauthorized,
    #[error("who are you, again")]
    #[status(401)]
    #[header("www-authenticate", "Bearer")]
    #[http_error(rfc9110_deviation = "www-authenticate")]
    Sent,
    #[error("not here")]
    #[status(404)]
    #[http_error(rfc9110_deviation = "proxy-authenticate")]
    Missing,
}

fn main() {}
