//! What goes over the wire, byte for byte: a client hides a body on a HEAD
//! or a 204, so these requests are written on a raw socket.

#![allow(dead_code)]

use std::net::SocketAddr;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A response as received: the status line, the header lines (names
/// lowercased) and every byte after the blank line.
pub struct Raw {
    pub status_line: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Raw {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// A response that carries no content: this status, no content type,
    /// not one byte after the head.
    pub fn assert_no_content(&self, status_line: &str) {
        assert_eq!(self.status_line, status_line);
        assert_eq!(self.header("content-type"), None, "{status_line}");
        assert!(
            self.body.is_empty(),
            "{status_line}: {:?}",
            String::from_utf8_lossy(&self.body)
        );
    }
}

/// Sends `method path` with `Connection: close` and reads until the server
/// closes the connection.
pub async fn request(addr: SocketAddr, method: &str, path: &str, extra_headers: &str) -> Raw {
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{extra_headers}\r\n"
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).await.unwrap();
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete response head");
    let head = String::from_utf8(bytes[..split].to_vec()).unwrap();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap().to_owned();
    let headers = lines
        .map(|line| {
            let (name, value) = line.split_once(':').unwrap();
            (name.to_ascii_lowercase(), value.trim().to_owned())
        })
        .collect();
    Raw {
        status_line,
        headers,
        body: bytes[split + 4..].to_vec(),
    }
}
