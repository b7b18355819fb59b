use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("missing")]
    #[status(404)]
    #[message("missing")]
    #[message(with = describe)]
    Missing,
    #[error("other")]
    #[status(404)]
    #[message(wiht = describe)]
    Other,
}

fn describe() -> &'static str {
    "x"
}

fn main() {}
