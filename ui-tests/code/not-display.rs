use httperror::HttpError;

struct Opaque;

#[derive(Debug, thiserror::Error, HttpError)]
#[message(with = Self::describe)]
enum E {
    #[error("bad")]
    #[status(400)]
    Bad,
}

impl E {
    fn describe(&self) -> Opaque {
        Opaque
    }
}

fn main() {}
