use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[status(400)]
enum E {
    #[error("e")]
    Field {
        #[status(404)]
        id: u32,
    },
}

fn main() {}
