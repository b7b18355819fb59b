use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(rename_all = "camelcase")]
enum E {
    #[error("e")]
    #[status(400)]
    Bad,
}

fn main() {}
