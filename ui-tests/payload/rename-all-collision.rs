use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(rename_all = "UPPERCASE")]
enum E {
    #[error("e")]
    #[status(400)]
    Twice {
        #[payload]
        id: u32,
        #[payload(rename = "ID")]
        other: u32,
    },
}

fn main() {}
