use httperror::HttpError;

// An example for a message written without fields: it is its own example.
#[derive(Debug, thiserror::Error, HttpError)]
enum Static {
    #[error("gone")]
    #[status(410)]
    #[message("The file is gone.", example = "The file is gone.")]
    Gone,
}

// An example on the enum's named code: it would show one variant's
// message for all.
#[derive(Debug, thiserror::Error, HttpError)]
#[message(with = OnEnum::describe, example = "no such file")]
enum OnEnum {
    #[error("missing")]
    #[status(404)]
    Missing,
}

impl OnEnum {
    fn describe(&self) -> &'static str {
        "no such file"
    }
}

// A misspelled key after the template.
#[derive(Debug, thiserror::Error, HttpError)]
enum Misspelled {
    #[error("bad {detail}")]
    #[status(400)]
    #[message("{detail}", exmaple = "The date is invalid.")]
    Bad { detail: String },
}

// Something after the example.
#[derive(Debug, thiserror::Error, HttpError)]
enum Trailing {
    #[error("bad {detail}")]
    #[status(400)]
    #[message("{detail}", example = "The date is invalid.", status = 400)]
    Bad { detail: String },
}

fn main() {}
