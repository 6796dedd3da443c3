//! One error type for the whole program: its kind (which knows the exit
//! status, SPEC §6: 1 invalid input, 2 usage or I/O), a message and the
//! diagnostics that explain it; and [`Diagnostic`], a problem at a place in a
//! shop file.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// A problem found in a shop file, pointing at the offending value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// Path as shown to the user (relative to the shop folder when possible).
    pub path: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: u32,
    /// 1-based column; 0 when unknown.
    pub col: u32,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn error(path: &Path, line: u32, col: u32, message: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_path_buf(),
            line,
            col,
            severity: Severity::Error,
            message: message.into(),
        }
    }

    pub fn warning(path: &Path, line: u32, col: u32, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, line, col, message)
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = self.path.display();
        match (self.line, self.col) {
            // A problem with the whole file points at its start, so every
            // diagnostic has the same `path:line:col:` shape for editors.
            (0, _) => write!(f, "{path}:1:1: {kind}: {}", self.message),
            (line, 0) => write!(f, "{path}:{line}: {kind}: {}", self.message),
            (line, col) => write!(f, "{path}:{line}:{col}: {kind}: {}", self.message),
        }
    }
}

/// What went wrong, as far as the exit status is concerned (SPEC §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The command line asks for something impossible (exit 2).
    Usage,
    /// A file or folder cannot be read or written (exit 2).
    Io,
    /// The shop or the command's input is invalid (exit 1).
    Invalid,
}

impl ErrorKind {
    pub const fn code(self) -> i32 {
        match self {
            ErrorKind::Invalid => 1,
            ErrorKind::Usage | ErrorKind::Io => 2,
        }
    }
}

/// The exit status of a command that finishes rather than fails, having found
/// its input invalid (`check` on a shop with errors).
pub const EXIT_INVALID: i32 = ErrorKind::Invalid.code();

/// An error that ends a command.
#[derive(Debug)]
pub struct Error {
    pub kind: ErrorKind,
    pub message: String,
    /// Diagnostics to print before the message (e.g. a broken shop.toml).
    pub diagnostics: Vec<Diagnostic>,
}

impl Error {
    fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            diagnostics: Vec::new(),
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Usage, message)
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Invalid, message)
    }

    pub fn io(path: &Path, err: &std::io::Error) -> Self {
        Error::new(
            ErrorKind::Io,
            format!("{}: {}", path.display(), describe_io(err)),
        )
    }

    /// The same error with the diagnostics that explain it (e.g. shop.toml's).
    pub fn with_diagnostics(mut self, diags: Vec<Diagnostic>) -> Self {
        self.diagnostics = diags;
        self
    }

    /// The process exit status for this error.
    pub fn code(&self) -> i32 {
        self.kind.code()
    }

    /// What the terminal shows: the diagnostics, then `langgan: message`.
    pub fn report(&self) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            out.push_str(&format!("{d}\n"));
        }
        out.push_str(&format!("langgan: {}\n", self.message));
        out
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

/// Plain words for the I/O errors people actually meet.
pub fn describe_io(err: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match err.kind() {
        NotFound => "not found".to_string(),
        PermissionDenied => "permission denied".to_string(),
        InvalidData => "not valid UTF-8 text".to_string(),
        _ => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_know_their_exit_status() {
        assert_eq!(Error::usage("x").code(), 2);
        let io = std::io::Error::from(std::io::ErrorKind::NotFound);
        let e = Error::io(Path::new("shop.toml"), &io);
        assert_eq!((e.kind, e.code()), (ErrorKind::Io, 2));
        assert_eq!(e.message, "shop.toml: not found");
        assert_eq!(Error::invalid("x").code(), EXIT_INVALID);
        assert_eq!(EXIT_INVALID, 1);
    }
}
