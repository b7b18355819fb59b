use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(status_as = "text")]
enum A {
    #[error("bad")]
    #[status(400)]
    Bad,
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(status_as = "string")]
enum B {
    #[error("bad")]
    #[status(400)]
    Bad,
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "status", status_key = "status")]
enum C {
    #[error("bad")]
    #[status(400)]
    Bad,
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(status_key = "status")]
enum D {
    #[error("bad")]
    #[status(400)]
    Bad {
        #[payload]
        status: u16,
    },
}

fn main() {}
