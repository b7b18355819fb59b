use httperror::HttpError;

#[derive(Debug)]
struct Seconds(u32);

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(503)]
    Busy {
        #[header("retry-after")]
        retry_after: Seconds,
    },
}

fn main() {}
