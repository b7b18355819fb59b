use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(502)]
    #[message("upstream {1} failed")]
    Upstream(String),
}

fn main() {}
