use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(message_key = "detail")]
enum E {
    #[error("e")]
    #[status(400)]
    Invalid {
        #[payload]
        detail: String,
    },
}

fn main() {}
