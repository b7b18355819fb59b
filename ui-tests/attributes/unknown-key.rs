use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(mesage_key = "detail")]
enum E {
    #[error("e")]
    #[status(400)]
    Bad,
}

fn main() {}
