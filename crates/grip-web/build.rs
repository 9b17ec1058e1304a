//! Embeds htmx (an npm dependency pinned in the workspace's package.json) into the binary.
//! If node_modules is missing, runs `npm ci` once; without npm the pages still work as plain
//! HTML forms and links, and the build says so.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let root = manifest.join("../..");
    let htmx = root.join("node_modules/htmx.org/dist/htmx.min.js");
    println!("cargo:rerun-if-changed={}", htmx.display());
    println!(
        "cargo:rerun-if-changed={}",
        root.join("package-lock.json").display()
    );
    if !htmx.exists() {
        install_npm_dependencies(&root);
    }
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("htmx.min.js");
    let content = std::fs::read(&htmx).unwrap_or_else(|_| {
        println!("cargo:warning=htmx not found (npm unavailable?); pages work without it, but without in-page updates");
        b"/* htmx was not available when this grip was built */".to_vec()
    });
    std::fs::write(out, content).expect("write htmx into OUT_DIR");
}

fn install_npm_dependencies(root: &Path) {
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--ignore-scripts"])
        .current_dir(root)
        .status();
    if !matches!(status, Ok(s) if s.success()) {
        println!("cargo:warning=`npm ci` failed or npm is missing; building without htmx");
    }
}
