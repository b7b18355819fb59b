//! Load for the example server:
//! `load <base-url> [requests] [concurrency] [--warm-up]`.
//! Fires mixed requests from concurrent keep-alive clients, stops after
//! `requests` (default 100000), and checks that every response has a status
//! its route documents and a body that validates against the schema the
//! server's own `/openapi.json` documents for that status (the router's 404
//! and 405, which no route documents, must be their exact bodies), and
//! that every status the document names was answered at least once. Exits
//! 1 on any failure. `--warm-up` sends no uploads and checks no coverage,
//! so the upload limiter is empty when the real run starts. Run by
//! `tests/benches/load.sh`, which uploads `/files/keep` first.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use reqwest::{Client, Method};
use serde_json::Value;

struct Kind {
    method: Method,
    /// The path requested, from the request number.
    path: fn(usize) -> String,
    /// The documented path template; `None` for the router's own answers.
    template: Option<&'static str>,
    headers: &'static [(&'static str, &'static str)],
    body: usize,
    statuses: &'static [u16],
    exact: Option<&'static str>,
}

const AUTH: (&str, &str) = ("authorization", "Bearer demo-token");
const ADMIN: (&str, &str) = ("authorization", "Bearer admin-token");

fn kinds() -> Vec<Kind> {
    vec![
        Kind {
            method: Method::GET,
            path: |i| format!("/files/missing-{i}"),
            template: Some("/files/{id}"),
            headers: &[],
            body: 0,
            statuses: &[404],
            exact: None,
        },
        Kind {
            method: Method::PUT,
            path: |i| format!("/files/anon-{i}"),
            template: Some("/files/{id}"),
            headers: &[],
            body: 1,
            statuses: &[401],
            exact: None,
        },
        Kind {
            method: Method::GET,
            path: |_| "/files/corrupt".into(),
            template: Some("/files/{id}"),
            headers: &[],
            body: 0,
            statuses: &[500],
            exact: Some(r#"{"message":"Internal Server Error"}"#),
        },
        Kind {
            method: Method::GET,
            path: |_| "/admin/usage".into(),
            template: Some("/admin/usage"),
            headers: &[AUTH],
            body: 0,
            statuses: &[403],
            exact: None,
        },
        Kind {
            method: Method::GET,
            path: |_| "/admin/usage".into(),
            template: Some("/admin/usage"),
            headers: &[],
            body: 0,
            statuses: &[401],
            exact: None,
        },
        Kind {
            method: Method::GET,
            path: |_| "/admin/usage".into(),
            template: Some("/admin/usage"),
            headers: &[ADMIN],
            body: 0,
            statuses: &[200],
            exact: None,
        },
        Kind {
            method: Method::GET,
            path: |_| "/files/keep".into(),
            template: Some("/files/{id}"),
            headers: &[],
            body: 0,
            statuses: &[200],
            exact: Some("k"),
        },
        Kind {
            method: Method::GET,
            path: |_| "/files".into(),
            template: Some("/files"),
            headers: &[("accept", "application/json")],
            body: 0,
            statuses: &[200],
            exact: None,
        },
        Kind {
            method: Method::GET,
            path: |_| "/files".into(),
            template: Some("/files"),
            headers: &[("accept", "text/html")],
            body: 0,
            statuses: &[406],
            exact: None,
        },
        Kind {
            method: Method::GET,
            path: |i| format!("/nowhere/{i}"),
            template: None,
            headers: &[],
            body: 0,
            statuses: &[404],
            exact: Some(r#"{"message":"Not found.","code":"not_found"}"#),
        },
        Kind {
            method: Method::POST,
            path: |_| "/files/x".into(),
            template: None,
            headers: &[],
            body: 0,
            statuses: &[405],
            exact: Some(
                r#"{"message":"Method \"POST\" not allowed.","code":"method_not_allowed"}"#,
            ),
        },
        Kind {
            method: Method::PUT,
            path: |i| format!("/files/big-{i}"),
            template: Some("/files/{id}"),
            headers: &[AUTH],
            body: 2000,
            statuses: &[507, 429],
            exact: None,
        },
        Kind {
            method: Method::PUT,
            path: |i| format!("/files/small-{}", i % 64),
            template: Some("/files/{id}"),
            headers: &[AUTH],
            body: 1,
            statuses: &[201, 204, 429],
            exact: None,
        },
        Kind {
            method: Method::DELETE,
            path: |i| format!("/files/small-{}", i % 64),
            template: Some("/files/{id}"),
            headers: &[AUTH],
            body: 0,
            statuses: &[204, 404],
            exact: None,
        },
        Kind {
            method: Method::HEAD,
            path: |i| format!("/files/missing-{i}"),
            template: None,
            headers: &[],
            body: 0,
            statuses: &[404],
            exact: Some(""),
        },
    ]
}

/// Validators for every documented JSON body: (method, path, status).
type Schemas = BTreeMap<(String, String, u16), jsonschema::Validator>;

fn schemas(document: &Value) -> Schemas {
    let mut schemas = Schemas::new();
    for (path, item) in document["paths"].as_object().into_iter().flatten() {
        for (method, operation) in item.as_object().into_iter().flatten() {
            for (status, response) in operation["responses"].as_object().into_iter().flatten() {
                let mut schema = response["content"]["application/json"]["schema"].clone();
                inline_refs(&mut schema, document);
                if let (Ok(status), false) = (status.parse(), schema.is_null())
                    && let Ok(validator) = jsonschema::validator_for(&schema)
                {
                    schemas.insert((method.to_uppercase(), path.clone(), status), validator);
                }
            }
        }
    }
    schemas
}

/// Every status the document names for some operation.
fn documented_statuses(document: &Value) -> BTreeSet<u16> {
    let operations = document["paths"].as_object().into_iter().flatten();
    operations
        .flat_map(|(_, item)| item.as_object().into_iter().flatten())
        .flat_map(|(_, operation)| operation["responses"].as_object().into_iter().flatten())
        .filter_map(|(status, _)| status.parse().ok())
        .collect()
}

/// Replaces each `{"$ref": "#/components/schemas/X"}` with X itself, so a
/// schema taken out of the document validates alone.
fn inline_refs(schema: &mut Value, document: &Value) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::String(reference)) = map.get("$ref")
                && let Some(name) = reference.strip_prefix("#/components/schemas/")
            {
                let mut target = document["components"]["schemas"][name].clone();
                inline_refs(&mut target, document);
                *schema = target;
                return;
            }
            for child in map.values_mut() {
                inline_refs(child, document);
            }
        }
        Value::Array(items) => {
            for item in items {
                inline_refs(item, document);
            }
        }
        _ => {}
    }
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let base = args
        .next()
        .unwrap_or_else(|| "http://127.0.0.1:3000".into());
    let total: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let concurrency: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(32);
    let warm_up = args.next().as_deref() == Some("--warm-up");

    let client = Client::builder()
        .no_proxy()
        .pool_max_idle_per_host(concurrency)
        .build()
        .unwrap();
    let document: Value = client
        .get(format!("{base}/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let schemas = Arc::new(schemas(&document));
    let mut kinds = kinds();
    if warm_up {
        kinds.retain(|kind| kind.method != Method::PUT);
    }
    let kinds = Arc::new(kinds);
    let next = Arc::new(AtomicUsize::new(0));
    let failures = Arc::new(AtomicUsize::new(0));
    let counts = Arc::new(std::sync::Mutex::new(BTreeMap::<u16, usize>::new()));
    let started = Instant::now();

    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (client, base, schemas, kinds) =
            (client.clone(), base.clone(), schemas.clone(), kinds.clone());
        let (next, failures, counts) = (next.clone(), failures.clone(), counts.clone());
        tasks.push(tokio::spawn(async move {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= total {
                    break;
                }
                let kind = &kinds[i % kinds.len()];
                let mut request =
                    client.request(kind.method.clone(), format!("{base}{}", (kind.path)(i)));
                for (name, value) in kind.headers {
                    request = request.header(*name, *value);
                }
                if kind.body > 0 {
                    request = request.body(vec![b'x'; kind.body]);
                }
                let problem = match request.send().await {
                    Ok(response) => {
                        let status = response.status().as_u16();
                        *counts.lock().unwrap().entry(status).or_default() += 1;
                        let body = response.bytes().await.unwrap_or_default();
                        check(kind, status, &body, &schemas)
                    }
                    Err(err) => Some(format!("request failed: {err}")),
                };
                if let Some(problem) = problem
                    && failures.fetch_add(1, Ordering::Relaxed) < 10
                {
                    eprintln!("{} {}: {problem}", kind.method, (kind.path)(i));
                }
            }
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let elapsed = started.elapsed();
    let failures = failures.load(Ordering::Relaxed);
    println!(
        "requests: {total}, concurrency: {concurrency}, failures: {failures}, {:.1} s, {:.0} requests/s",
        elapsed.as_secs_f64(),
        total as f64 / elapsed.as_secs_f64()
    );
    let counts = counts.lock().unwrap();
    println!("statuses: {counts:?}");
    let missing: Vec<u16> = documented_statuses(&document)
        .into_iter()
        .filter(|status| !counts.contains_key(status))
        .collect();
    if !warm_up && !missing.is_empty() {
        println!("documented but never answered: {missing:?}");
        std::process::exit(1);
    }
    if !warm_up {
        println!("every documented status was answered");
    }
    if failures > 0 {
        std::process::exit(1);
    }
}

fn check(kind: &Kind, status: u16, body: &[u8], schemas: &Schemas) -> Option<String> {
    if !kind.statuses.contains(&status) {
        return Some(format!(
            "status {status}, expected one of {:?}",
            kind.statuses
        ));
    }
    if let Some(exact) = kind.exact {
        return (body != exact.as_bytes())
            .then(|| format!("body {:?}", String::from_utf8_lossy(body)));
    }
    if body.is_empty() {
        return (status != 204 && status != 201).then(|| format!("{status} with an empty body"));
    }
    let Ok(json) = serde_json::from_slice::<Value>(body) else {
        return Some(format!("invalid JSON: {:?}", String::from_utf8_lossy(body)));
    };
    let template = kind.template?;
    match schemas.get(&(kind.method.to_string(), template.to_owned(), status)) {
        Some(validator) if validator.is_valid(&json) => None,
        Some(_) => Some(format!(
            "{status} body {json} does not match its documented schema"
        )),
        None => Some(format!(
            "{status} is not documented for {} {template}",
            kind.method
        )),
    }
}
