use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum AppError {
    #[error(transparent)]
    #[http_error(transparent)]
    Io(std::io::Error),
}

fn main() {}
