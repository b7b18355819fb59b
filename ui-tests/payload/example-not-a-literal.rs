use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(400)]
    Invalid {
        #[payload(example = some_value)]
        id: u32,
    },
}

fn main() {}
