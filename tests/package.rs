//! The README points only to files the published package holds (issue 23, point 7): every
//! repository path it names in backticks exists and is in Cargo.toml's `include`, except in a
//! paragraph that says the path is not in the published package (a crate of its own, such as
//! `fuzz/` or `compare/`, which cargo never packages inside another).

use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The `include` globs of Cargo.toml.
fn include() -> Vec<String> {
    let manifest = std::fs::read_to_string(Path::new(ROOT).join("Cargo.toml")).unwrap();
    let line = manifest
        .lines()
        .find(|line| line.starts_with("include = ["))
        .expect("an include list");
    line.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// Whether `path` (a file, or a folder ending in `/`) is matched by `glob` (`dir/**/*`, or a
/// file name with at most one `*`).
fn matches(glob: &str, path: &str) -> bool {
    if let Some(dir) = glob.strip_suffix("**/*") {
        return path.starts_with(dir);
    }
    match glob.split_once('*') {
        Some((head, tail)) => {
            path.len() >= head.len() + tail.len() && path.starts_with(head) && path.ends_with(tail)
        }
        None => glob == path,
    }
}

/// Whether a folder between the root and `path` is a crate of its own.
fn in_nested_crate(path: &str) -> bool {
    let mut dir = Path::new(ROOT).to_path_buf();
    for part in path.split('/').filter(|part| !part.is_empty()) {
        dir.push(part);
        if dir.join("Cargo.toml").is_file() {
            return true;
        }
    }
    false
}

#[test]
fn the_readme_points_only_to_packaged_files() {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    let globs = include();
    let mut named = 0;
    for paragraph in readme.split("\n\n") {
        let outside = paragraph.contains("not in the published package");
        for path in paragraph.split('`').skip(1).step_by(2) {
            let top = path.split('/').next().unwrap_or("");
            if !path.contains('/')
                || path.contains(' ')
                || ![
                    "src", "tests", "examples", "benches", "scripts", "fixtures", "fuzz", "compare",
                ]
                .contains(&top)
            {
                continue;
            }
            named += 1;
            assert!(
                Path::new(ROOT).join(path).exists(),
                "the README names {path}, which does not exist"
            );
            if outside {
                continue;
            }
            assert!(
                globs.iter().any(|glob| matches(glob, path)) && !in_nested_crate(path),
                "the README names {path}, which the package does not hold (Cargo.toml include: {globs:?})"
            );
        }
    }
    assert!(named > 5, "the README's paths were found ({named})");
}
