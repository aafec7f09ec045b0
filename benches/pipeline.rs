//! Criterion benches of the stages: filled in by a later commit.

fn main() {}
