use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[member("type", "invalid_request_error")]
enum E {
    #[error("bad")]
    #[status(400)]
    Bad {
        #[payload]
        r#type: String,
    },
}

fn main() {}
