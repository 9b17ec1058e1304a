//! The `grip` command: see `grip --help`.

fn main() -> std::process::ExitCode {
    grip::cli::main()
}
