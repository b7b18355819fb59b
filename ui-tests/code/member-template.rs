use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[member("hint", "payment {id}")]
enum E {
    #[error("missing")]
    #[status(404)]
    #[member("reason", "payment {idd} does not exist")]
    #[member("detail", "{id:?}{")]
    Missing { id: String },
}

fn main() {}
