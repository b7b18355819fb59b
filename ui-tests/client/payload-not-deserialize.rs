use httperror::HttpError;

#[derive(Debug, serde::Serialize)]
struct Opaque {
    id: u32,
}

// Rebuilding a payload field reads it back: its type must be Deserialize.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code", decode)]
enum FileError {
    #[error("gone")]
    #[status(410)]
    Gone {
        #[payload]
        what: Opaque,
    },
}

fn main() {}
