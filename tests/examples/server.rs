//! A file-storage API on 127.0.0.1 whose errors are `#[derive(HttpError)]`:
//! `cargo run -p httperror-tests --example server` (port 3000; `PORT`
//! overrides; `UPLOADS_PER_10S` sets the upload rate limit, 5 by default).
//! It prints its URLs and curl lines that show each error on stdout, and
//! logs on stderr.

use httperror_tests::app::{self, ADMIN_TOKEN, Config, TOKEN};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port: u16 = match std::env::var("PORT") {
        Ok(port) => port.parse().map_err(|_| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("PORT={port} is not a port number"),
            )
        })?,
        Err(_) => 3000,
    };
    // httperror logs every 5xx, with the detail its body never shows, on
    // stderr: stdout is the banner's.
    tracing_subscriber::fmt()
        .with_target(false)
        .with_writer(std::io::stderr)
        .init();
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    let base = format!("http://{}", listener.local_addr()?);
    let mut config = Config::default();
    if let Some(limit) = std::env::var("UPLOADS_PER_10S")
        .ok()
        .and_then(|n| n.parse().ok())
    {
        config.uploads_per_window = limit;
    }
    print_banner(&base, &config);
    axum::serve(listener, app::router(config))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}

fn print_banner(base: &str, config: &Config) {
    let auth = format!("-H 'Authorization: Bearer {TOKEN}'");
    let over_quota = config.quota + 1;
    let over_limit = config.body_limit + 1;
    let uploads = config.uploads_per_window + 1;
    println!(
        "httperror example: a file-storage API on {base}

  OpenAPI document  {base}/openapi.json
  Swagger UI        {base}/docs/
  Error catalogue   {base}/errors

Each of these answers with an error from #[derive(HttpError)]:

  # 404: a file that does not exist
  curl -i {base}/files/report.pdf
  # 401 with www-authenticate: an upload without the token
  curl -i -X PUT --data-binary 'hello' {base}/files/hello.txt
  # 507: an upload over the {quota}-byte quota
  head -c {over_quota} /dev/zero | curl -i -X PUT {auth} --data-binary @- {base}/files/big.bin
  # 429 with retry-after: {uploads} uploads in a row ({per} per {secs} s are allowed)
  for i in $(seq {uploads}); do curl -s -X PUT {auth} -d x -o /dev/null -w '%{{http_code}} ' {base}/files/f$i; done; echo
  # 500: the backend fails; its error text stays in the server's log
  curl -i {base}/files/corrupt
  # 403, 406: common errors (the usage report needs the admin token)
  curl -i {auth} {base}/admin/usage
  curl -i -H 'Accept: image/png' {base}/files
  curl -i -H 'Authorization: Bearer {ADMIN_TOKEN}' {base}/admin/usage
  # The same 404 by the request's Accept: a page for a browser, problem details
  curl -i -H 'Accept: text/html' {base}/files/report.pdf
  curl -i -H 'Accept: application/problem+json' {base}/files/report.pdf
  # 404 and 405 from the router itself, in the same JSON shape
  curl -i {base}/nowhere
  curl -i -X POST {base}/files/hello.txt
  # 400, 422, 400, 413: axum's own refusals, in the same JSON shape
  curl -i -X POST {auth} -H 'content-type: application/json' -d '{{\"to\": ' {base}/files/hello.txt/copy
  curl -i -X POST {auth} -H 'content-type: application/json' -d '{{\"to\": 7}}' {base}/files/hello.txt/copy
  curl -i {base}/files/%FF
  head -c {over_limit} /dev/zero | curl -i -X PUT {auth} --data-binary @- {base}/files/big.bin
  # 500: a panicking handler; the panic's message stays in the server's log
  curl -i {base}/files/panic

Stop with Ctrl-C.",
        quota = config.quota,
        per = config.uploads_per_window,
        secs = config.window.as_secs(),
    );
}
