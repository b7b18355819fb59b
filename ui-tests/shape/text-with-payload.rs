use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("bad {id}")]
    #[status(400)]
    #[http_error(format = "text")]
    #[member("object", "error")]
    Bad {
        #[payload]
        id: u32,
    },
    #[error("worse")]
    #[status(400)]
    #[http_error(format = "problem")]
    Worse,
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(format = "text", code_key = "code")]
#[member("object", "error")]
enum T {
    #[error("bad")]
    #[status(400)]
    #[http_error(format = "text")]
    Bad,
}

fn main() {}
