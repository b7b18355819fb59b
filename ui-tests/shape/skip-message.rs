use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(skip_message, message_key = "detail")]
enum A {
    #[error("bad")]
    #[status(400)]
    Bad,
}

#[derive(Debug, thiserror::Error, HttpError)]
enum B {
    #[error("bad")]
    #[status(400)]
    #[http_error(skip_message)]
    Bad,
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(skip_message = "yes")]
enum C {
    #[error("bad")]
    #[status(400)]
    Bad,
}

fn main() {}
