use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(400)]
    Invalid {
        #[payload]
        #[payload(rename = "id")]
        user_id: u32,
    },
}

fn main() {}
