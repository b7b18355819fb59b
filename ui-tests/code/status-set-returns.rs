use httperror::HttpError;

fn choose(_id: &u32) -> u16 {
    404
}

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("a")]
    #[status(404 | 409, with = choose)]
    A { id: u32 },
}

fn main() {}
