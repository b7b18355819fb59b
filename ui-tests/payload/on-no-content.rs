use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("deleted")]
    #[status(204)]
    Deleted {
        #[payload]
        id: u32,
    },
}

fn main() {}
