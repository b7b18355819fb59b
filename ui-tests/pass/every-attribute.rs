// Every attribute form at once, on an enum and on structs.
use httperror::HttpError;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Extra {
    pub hint: String,
}

#[derive(Debug, thiserror::Error, HttpError)]
#[status(BAD_REQUEST)]
#[http_error(message_key = "detail", code_key = "code", rename_all = "camelCase")]
pub enum Every<'a, T: Serialize + std::fmt::Debug + std::fmt::Display> {
    #[error("default status")]
    Default,
    #[error("integer")]
    #[status(404)]
    Integer,
    #[error("path")]
    #[status(StatusCode::CONFLICT)]
    Path,
    #[error("custom")]
    #[status(599, reason = "Network Connect Timeout")]
    #[http_error(code = "E_TIMEOUT")]
    Custom,
    #[error("fields")]
    #[status(422)]
    #[message("{value} at {index:>3} of {r#type:?}")]
    Fields {
        #[payload]
        value: T,
        #[payload(rename = "idx")]
        index: usize,
        #[payload]
        r#type: &'a str,
        #[payload]
        retry_after: Option<u32>,
        #[payload(flatten)]
        extra: Extra,
        hidden: bool,
    },
    #[error("tuple")]
    #[status(409)]
    #[message("tuple {0}", example = "tuple 7")]
    Tuple(#[payload(rename = "first")] u8, #[payload(flatten)] Extra),
    #[error("no content")]
    #[status(204)]
    NoContent,
}

#[derive(Debug, thiserror::Error, HttpError)]
#[error("unit struct")]
#[status(418)]
pub struct Unit;

#[derive(Debug, thiserror::Error, HttpError)]
#[error("named struct")]
#[status(429)]
#[message("retry in {seconds}s")]
#[http_error(code = "E_SLOW_DOWN", code_key = "error")]
pub struct Named {
    #[payload]
    pub seconds: u32,
}

fn main() {}
