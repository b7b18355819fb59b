use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[error("reset")]
#[status(205)]
#[message("reset the form")]
struct Reset;

fn main() {}
