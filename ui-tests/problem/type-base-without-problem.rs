use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(type_base = "https://errors.example.com/")]
enum E {
    #[error("e")]
    #[status(400)]
    Bad,
}

fn main() {}
