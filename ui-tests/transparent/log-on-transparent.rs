use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[error("missing")]
#[status(404)]
struct Missing;

#[derive(Debug, thiserror::Error, HttpError)]
enum App {
    #[error(transparent)]
    #[http_error(transparent, log = "off")]
    Missing(#[from] Missing),
}

fn main() {}
