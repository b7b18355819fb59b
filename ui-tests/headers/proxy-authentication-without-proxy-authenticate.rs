use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("proxy")]
    #[status(407)]
    #[header("www-authenticate", "Basic")]
    Proxy,
}

fn main() {}
