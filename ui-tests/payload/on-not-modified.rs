use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("cached")]
    #[status(NOT_MODIFIED)]
    Cached(#[payload(rename = "etag")] String),
}

fn main() {}
