use httperror::HttpError;

#[derive(Debug)]
struct Opaque;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(400)]
    Invalid {
        #[payload]
        value: Opaque,
    },
}

fn main() {}
