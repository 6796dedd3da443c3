use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = langgan::cli::Cli::parse();
    let code = match langgan::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            for d in &e.diagnostics {
                eprintln!("{d}");
            }
            eprintln!("langgan: {e}");
            e.code
        }
    };
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}
