//! Nothing here: the cases are in the topic folders, run by `tests/ui.rs`.
