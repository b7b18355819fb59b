use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(503)]
    Busy {
        #[header(retry_after)]
        retry_after: u32,
    },
}

fn main() {}
