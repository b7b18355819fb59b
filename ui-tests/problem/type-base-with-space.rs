use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem", type_base = "https://errors.example.com/my errors/")]
enum E {
    #[error("e")]
    #[status(400)]
    Bad,
}

fn main() {}
