use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "problem")]
enum E {
    #[error("e")]
    #[status(400)]
    Bad {
        #[payload]
        status: String,
    },
}

fn main() {}
