use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "error")]
enum E {
    #[error("e")]
    #[status(400)]
    Invalid {
        #[payload(rename = "error")]
        reason: String,
    },
}

fn main() {}
