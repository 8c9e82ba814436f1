//! The guide is a test: every vendor in the registry (`Vendor::SUPPORTED`) has every part of
//! the pattern that `CONTRIBUTING.md` ("Adding a vendor") lists, so a missing part fails here
//! instead of silently (a vendor without a fuzz target, a fixture folder, a feature that is not
//! on by default, a row missing from the README's tables).

use std::path::Path;

use chat_webhooks::Vendor;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|err| panic!("{path}: {err}"))
}

/// The files and folders every vendor has, `{v}` standing for its module.
const PARTS: &[&str] = &[
    "src/{v}/mod.rs",
    "src/{v}/envelope.rs",
    "src/{v}/convert.rs",
    "src/{v}/auth.rs",
    "fixtures/{v}",
    "tests/{v}.rs",
    "fuzz/fuzz_targets/{v}_parse.rs",
    "benches/baseline/{v}.rs",
];

#[test]
fn every_vendor_has_every_part() {
    let guide = read("CONTRIBUTING.md");
    let cargo = read("Cargo.toml");
    let fuzz = read("fuzz/Cargo.toml");
    let readme = read("README.md");
    let default_features = cargo
        .lines()
        .find(|line| line.starts_with("default = "))
        .expect("a default feature list");
    let mut missing = Vec::new();
    for vendor in Vendor::SUPPORTED {
        let v = vendor.as_str();
        for part in PARTS {
            let path = part.replace("{v}", v);
            if !root().join(&path).exists() {
                missing.push(format!("{vendor}: no {path}"));
            }
        }
        let module = read(&format!("src/{v}/mod.rs"));
        for needle in [
            "impl crate::registry::VendorSpec for Spec",
            "event_enum! {",
            "pub fn parse(body: &[u8])",
        ] {
            if !module.contains(needle) {
                missing.push(format!("{vendor}: src/{v}/mod.rs has no `{needle}`"));
            }
        }
        let feature = vendor.feature();
        if !cargo.contains(&format!("\n{feature} = [")) {
            missing.push(format!("{vendor}: no `{feature}` feature in Cargo.toml"));
        }
        if !default_features.contains(&format!("\"{feature}\"")) {
            missing.push(format!("{vendor}: `{feature}` is not a default feature"));
        }
        if !fuzz.contains(&format!("name = \"{v}_parse\"")) {
            missing.push(format!("{vendor}: no `{v}_parse` bin in fuzz/Cargo.toml"));
        }
        // The README's tables: detection, envelope, event mapping, authenticity.
        let rows = readme
            .lines()
            .filter(|line| line.starts_with(&format!("| {} |", vendor.name())))
            .count();
        if rows < 4 {
            missing.push(format!(
                "{vendor}: {rows} README table rows start with `| {} |`, expected one in each of the detection, envelope, events and authenticity tables",
                vendor.name()
            ));
        }
    }
    for part in PARTS {
        if !guide.contains(part) {
            missing.push(format!("CONTRIBUTING.md does not list `{part}`"));
        }
    }
    assert!(
        missing.is_empty(),
        "the pattern is incomplete:\n{}",
        missing.join("\n")
    );
}

/// Every fixture folder belongs to a vendor of the registry, and every fixture is under one.
#[test]
fn every_fixture_folder_is_a_vendor() {
    for entry in std::fs::read_dir(root().join("fixtures")).unwrap() {
        let entry = entry.unwrap();
        if entry.path().is_dir() {
            let name = entry.file_name().into_string().unwrap();
            assert!(
                name.parse::<Vendor>().is_ok_and(|v| v != Vendor::Custom),
                "fixtures/{name} is no vendor's module"
            );
        }
    }
}

/// `.ci/run` takes its vendor list from the registry, not from a copy.
#[test]
fn ci_reads_the_vendor_list_from_the_registry() {
    let ci = read(".ci/run");
    assert!(
        ci.contains("src/registry.rs"),
        ".ci/run should read the vendors from src/registry.rs"
    );
    for vendor in Vendor::SUPPORTED {
        assert!(
            !ci.contains(&format!("\"{}\"", vendor.feature()))
                && !ci.contains(&format!(" {} ", vendor.feature())),
            ".ci/run names {vendor} itself"
        );
    }
}
