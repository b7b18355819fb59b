use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(503)]
    #[message("down for {minutes} minutes")]
    Maintenance,
}

fn main() {}
