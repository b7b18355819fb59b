use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(400)]
    #[message("a set: value}")]
    Bad { value: u32 },
}

fn main() {}
