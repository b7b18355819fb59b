use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(rename_all = "camelCase")]
#[member("docUrl", "https://docs.example.com/errors#{code}")]
enum E {
    #[error("bad")]
    #[status(400)]
    Bad {
        #[payload]
        doc_url: String,
    },
}

fn main() {}
