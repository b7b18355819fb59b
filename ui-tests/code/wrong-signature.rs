use httperror::HttpError;

#[derive(Debug, thiserror::Error, HttpError)]
enum E {
    #[error("declined")]
    #[status(402)]
    #[message(with = describe)]
    Declined { attempts: u32, limit: u32 },
    #[error("gone")]
    #[status(410)]
    #[member("since", with = since)]
    Gone { at: u64 },
}

fn describe(attempts: &u32) -> String {
    attempts.to_string()
}

fn since(at: u64) -> u64 {
    at
}

fn main() {}
