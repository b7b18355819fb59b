use httperror::HttpError;

fn reason(id: &u32) -> String {
    id.to_string()
}

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code")]
enum E {
    #[error("missing")]
    #[status(404)]
    #[member("message", with = reason)]
    #[member("code", "{id}")]
    Missing {
        id: u32,
    },
    #[error("gone")]
    #[status(410)]
    #[member("id", with = reason)]
    Gone {
        #[payload]
        id: u32,
    },
}

fn main() {}
