use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(400)]
    #[http_error(kode = "E_BAD")]
    Bad,
}

fn main() {}
