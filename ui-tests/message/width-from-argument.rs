use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(400)]
    #[message("{value:width$}")]
    Bad { value: u32, width: usize },
}

fn main() {}
