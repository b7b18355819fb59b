use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[status(UNAUTHORIZED)]
enum E {
    #[error("sign in")]
    #[header("www-authenticate", "Bearer")]
    HasIt,
    #[error("expired")]
    Expired,
}

fn main() {}
