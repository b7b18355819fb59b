use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[member("", "empty")]
#[member("line\nbreak", "control")]
#[http_error(status_key = "")]
enum E {
    #[error("bad")]
    #[status(400)]
    Bad {
        #[payload(rename = "tab\there")]
        field: u8,
    },
}

fn main() {}
