//! Prints the response each `StorageError` answers with: status line,
//! headers and body, as a client would receive them.
//!
//! Run with `cargo run -p httperror-tests --example storage`.

use httperror::HttpError;
use httperror_tests::StorageError;

fn main() {
    let errors = [
        StorageError::NotFound {
            id: "report.pdf".into(),
        },
        StorageError::QuotaExceeded {
            used: 10_485_760,
            limit: 8_388_608,
        },
        StorageError::Throttled { retry_after: 30 },
        StorageError::Unauthorized,
        StorageError::Backend(std::io::Error::other("disk /dev/sda3 failed")),
    ];
    for error in &errors {
        let response = error.to_response();
        println!("# {error:?}");
        println!("# (server-side Display: {error})");
        let status = response.status();
        println!(
            "HTTP/1.1 {} {}",
            status.as_str(),
            status.canonical_reason().unwrap_or_default()
        );
        for (name, value) in response.headers() {
            println!("{name}: {}", value.to_str().unwrap_or("<binary>"));
        }
        println!();
        println!("{}", String::from_utf8_lossy(response.body()));
        println!();
    }
}
