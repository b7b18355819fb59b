use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(400)]
    #[message("bad value {}")]
    Bad(u32),
}

fn main() {}
