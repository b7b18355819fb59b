use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(401)]
    #[header("www-authenticate", "Bearer\r\nSet-Cookie: a=1")]
    Unauthorized,
}

fn main() {}
