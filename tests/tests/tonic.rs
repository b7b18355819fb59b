//! gRPC from the same enum: `From<E> for tonic::Status` with the code
//! read back from code.proto's HTTP mapping (every row of the table), a
//! per-variant override, the public message (a 5xx's source never shown),
//! the machine code in `x-error-code`; and a real tonic call on loopback,
//! through a hand-written codec (no protoc step).

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::{Buf, BufMut};
use httperror::{Abort, HttpError, StatusCode};
use tonic::codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder};
use tonic::{Code, Status};

#[derive(Debug, thiserror::Error)]
#[error("disk /dev/sda1 failed: SECRET")]
struct Disk;

#[derive(Debug, thiserror::Error, HttpError)]
#[http_error(code_key = "code")]
enum FileError {
    #[error("bad id {0}")]
    #[status(400)]
    BadId(String),
    #[error("who are you")]
    #[status(401)]
    #[header("www-authenticate", "Bearer")]
    Unauthenticated,
    #[error("not yours")]
    #[status(403)]
    Forbidden,
    #[error("file {0} not found")]
    #[status(404)]
    NotFound(String),
    #[error("edited meanwhile")]
    #[status(409)]
    Conflict,
    #[error("file {0} exists")]
    #[status(409)]
    #[http_error(grpc = "ALREADY_EXISTS")]
    Exists(String),
    #[error("gone")]
    #[status(410)]
    Gone,
    #[error("slow down")]
    #[status(429)]
    Throttled,
    #[error("client went away")]
    #[status(499, reason = "Client Closed Request")]
    Cancelled,
    #[error("disk")]
    #[status(500)]
    Backend(#[source] Disk),
    #[error("not built")]
    #[status(501)]
    NotBuilt,
    #[error("upstream")]
    #[status(502)]
    Upstream,
    #[error("down")]
    #[status(503)]
    Down,
    #[error("too slow")]
    #[status(504)]
    TooSlow,
    #[error("full")]
    #[status(507)]
    Full,
}

/// Composed: each wrapped error keeps its code.
#[derive(Debug, thiserror::Error, HttpError)]
enum AppError {
    #[error(transparent)]
    #[http_error(transparent)]
    File(#[from] FileError),
    #[error("quota")]
    #[status(422)]
    Quota,
}

#[test]
fn every_row_of_code_proto_s_mapping() {
    for (error, code, message) in [
        (
            FileError::BadId("x".into()),
            Code::InvalidArgument,
            "bad id x",
        ),
        (
            FileError::Unauthenticated,
            Code::Unauthenticated,
            "who are you",
        ),
        (FileError::Forbidden, Code::PermissionDenied, "not yours"),
        (
            FileError::NotFound("a".into()),
            Code::NotFound,
            "file a not found",
        ),
        (FileError::Conflict, Code::Aborted, "edited meanwhile"),
        (
            FileError::Exists("a".into()),
            Code::AlreadyExists,
            "file a exists",
        ),
        (FileError::Gone, Code::FailedPrecondition, "gone"),
        (FileError::Throttled, Code::ResourceExhausted, "slow down"),
        (FileError::Cancelled, Code::Cancelled, "client went away"),
        (
            FileError::Backend(Disk),
            Code::Internal,
            "Internal Server Error",
        ),
        (FileError::NotBuilt, Code::Unimplemented, "Not Implemented"),
        (FileError::Upstream, Code::Internal, "Bad Gateway"),
        (FileError::Down, Code::Unavailable, "Service Unavailable"),
        (
            FileError::TooSlow,
            Code::DeadlineExceeded,
            "Gateway Timeout",
        ),
        (FileError::Full, Code::Internal, "Insufficient Storage"),
    ] {
        let machine_code = error.code();
        let status = Status::from(error);
        assert_eq!(status.code(), code, "{machine_code}");
        assert_eq!(status.message(), message, "{machine_code}");
        assert!(!status.message().contains("SECRET"));
        assert_eq!(
            status.metadata().get("x-error-code").unwrap(),
            machine_code,
            "{machine_code}"
        );
    }
}

#[test]
fn composed_types_and_abort_convert_too() {
    let status = Status::from(AppError::from(FileError::Exists("b".into())));
    assert_eq!(status.code(), Code::AlreadyExists);
    assert_eq!(status.metadata().get("x-error-code").unwrap(), "exists");
    let status = Status::from(AppError::Quota);
    assert_eq!(status.code(), Code::FailedPrecondition);
    let status = Status::from(Abort::new(StatusCode::NOT_FOUND).with_message("nope"));
    assert_eq!(status.code(), Code::NotFound);
    assert_eq!(status.message(), "nope");
}

/// Messages as raw bytes: the request names the error to answer.
#[derive(Clone, Copy, Default)]
struct Raw;

impl Codec for Raw {
    type Encode = Vec<u8>;
    type Decode = Vec<u8>;
    type Encoder = Raw;
    type Decoder = Raw;

    fn encoder(&mut self) -> Raw {
        Raw
    }

    fn decoder(&mut self) -> Raw {
        Raw
    }
}

impl Encoder for Raw {
    type Item = Vec<u8>;
    type Error = Status;

    fn encode(&mut self, item: Vec<u8>, dst: &mut EncodeBuf<'_>) -> Result<(), Status> {
        dst.put_slice(&item);
        Ok(())
    }
}

impl Decoder for Raw {
    type Item = Vec<u8>;
    type Error = Status;

    fn decode(&mut self, src: &mut DecodeBuf<'_>) -> Result<Option<Vec<u8>>, Status> {
        Ok(Some(src.copy_to_bytes(src.remaining()).to_vec()))
    }
}

/// `files.Files/Get`: answers the error its request names, by `?`.
#[derive(Clone)]
struct Files;

impl tonic::server::NamedService for Files {
    const NAME: &'static str = "files.Files";
}

struct Get;

impl tonic::server::UnaryService<Vec<u8>> for Get {
    type Response = Vec<u8>;
    type Future = Pin<Box<dyn Future<Output = Result<tonic::Response<Vec<u8>>, Status>> + Send>>;

    fn call(&mut self, request: tonic::Request<Vec<u8>>) -> Self::Future {
        Box::pin(async move {
            let name = String::from_utf8(request.into_inner()).unwrap_or_default();
            lookup(&name)?;
            Ok(tonic::Response::new(b"contents".to_vec()))
        })
    }
}

/// A handler's `?` turns the error into a status.
fn lookup(name: &str) -> Result<(), FileError> {
    match name {
        "backend" => Err(FileError::Backend(Disk)),
        "exists" => Err(FileError::Exists("a".into())),
        "ok" => Ok(()),
        other => Err(FileError::NotFound(other.into())),
    }
}

impl tower_service::Service<http::Request<tonic::body::Body>> for Files {
    type Response = http::Response<tonic::body::Body>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<tonic::body::Body>) -> Self::Future {
        Box::pin(async move {
            let mut grpc = tonic::server::Grpc::new(Raw);
            Ok(grpc.unary(Get, request).await)
        })
    }
}

#[tokio::test]
async fn a_tonic_call_on_loopback_answers_the_status() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let incoming = tonic::transport::server::TcpIncoming::from(listener);
    tokio::spawn(
        tonic::transport::Server::builder()
            .add_service(Files)
            .serve_with_incoming(incoming),
    );
    let channel = tonic::transport::Endpoint::from_shared(format!("http://{addr}"))
        .unwrap()
        .connect()
        .await
        .unwrap();
    let mut client = tonic::client::Grpc::new(channel);
    let mut call = async |name: &str| {
        client.ready().await.unwrap();
        client
            .unary(
                tonic::Request::new(name.as_bytes().to_vec()),
                http::uri::PathAndQuery::from_static("/files.Files/Get"),
                Raw,
            )
            .await
    };
    let ok = call("ok").await.unwrap();
    assert_eq!(ok.into_inner(), b"contents");
    let status = call("report.pdf").await.unwrap_err();
    assert_eq!(status.code(), Code::NotFound);
    assert_eq!(status.message(), "file report.pdf not found");
    assert_eq!(status.metadata().get("x-error-code").unwrap(), "not_found");
    let status = call("exists").await.unwrap_err();
    assert_eq!(status.code(), Code::AlreadyExists);
    let status = call("backend").await.unwrap_err();
    assert_eq!(status.code(), Code::Internal);
    assert_eq!(status.message(), "Internal Server Error");
    assert_eq!(status.metadata().get("x-error-code").unwrap(), "backend");
}
