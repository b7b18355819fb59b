use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
#[member("link", "https://docs.example.com/{id}")]
#[member("kind")]
#[member("level", error)]
#[member("retry", [1, 2])]
enum E {
    #[error("bad")]
    #[status(400)]
    Bad { id: u32 },
}

fn main() {}
