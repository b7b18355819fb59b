use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[status(400)]
#[message("something failed")]
enum E {
    #[error("e")]
    Bad,
}

fn main() {}
