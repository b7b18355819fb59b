use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("e")]
    #[status(400)]
    Invalid {
        #[payload(flatten, rename = "extra")]
        extra: std::collections::BTreeMap<String, u32>,
    },
}

fn main() {}
