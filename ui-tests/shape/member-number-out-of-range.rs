use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[member("huge", 1e400)]
#[member("big", 123456789012345678901234567890)]
enum E {
    #[error("bad")]
    #[status(400)]
    Bad {
        #[payload(example = -18446744073709551616)]
        n: i128,
    },
}

fn main() {}
