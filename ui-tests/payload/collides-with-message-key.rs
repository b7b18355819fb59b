use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(400)]
    Invalid {
        #[payload]
        message: String,
    },
}

fn main() {}
