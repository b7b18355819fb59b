use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[error("sign in")]
#[status(401)]
#[header("www-authenticat", "Bearer")]
struct Unauthorized;

fn main() {}
