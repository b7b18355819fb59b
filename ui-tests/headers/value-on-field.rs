use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(503)]
    Busy {
        #[header("retry-after", "30")]
        retry_after: u32,
    },
}

fn main() {}
