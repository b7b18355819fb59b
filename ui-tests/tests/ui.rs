//! Every compile-time check of the derive, as a failing case with the
//! exact diagnostic, plus cases that must compile.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("pass/*.rs");
    for topic in [
        "attributes",
        "client",
        "code",
        "deviation",
        "features",
        "grpc",
        "headers",
        "message",
        "negotiate",
        "payload",
        "problem",
        "shape",
        "status",
        "transparent",
    ] {
        t.compile_fail(format!("{topic}/*.rs"));
    }
}
