use httperror::HttpError;

// Every problem of a type is reported in one compile.
#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(rename_all = "kebab")]
enum E {
    #[error("a")]
    #[status(1234)]
    A,
    #[error("b")]
    #[status(NOT_FUOND)]
    B,
    #[error("c")]
    C,
    #[error("d")]
    #[status(204)]
    D {
        #[payload]
        id: u32,
    },
    #[error("e")]
    #[status(400)]
    #[message("{missing}")]
    E(#[payload] u32),
}

fn main() {}
