use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(400)]
    Twice {
        #[payload(rename = "id")]
        user_id: u32,
        #[payload]
        id: u32,
    },
}

fn main() {}
