//! One error type for the whole program: a message, an optional location and
//! the exit status it maps to (SPEC §6: 1 invalid input, 2 usage or I/O).

use std::fmt;
use std::path::{Path, PathBuf};

/// Exit statuses of SPEC §6.
pub const EXIT_INVALID: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

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

/// An error that ends a command.
#[derive(Debug)]
pub struct Error {
    pub code: i32,
    pub message: String,
    /// Diagnostics to print before the message (e.g. a broken shop.toml).
    pub diagnostics: Vec<Diagnostic>,
}

impl Error {
    pub fn usage(message: impl Into<String>) -> Self {
        Error {
            code: EXIT_USAGE,
            message: message.into(),
            diagnostics: Vec::new(),
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Error {
            code: EXIT_INVALID,
            message: message.into(),
            diagnostics: Vec::new(),
        }
    }

    pub fn io(path: &Path, err: &std::io::Error) -> Self {
        Error::usage(format!("{}: {}", path.display(), describe_io(err)))
    }

    /// A file-level problem (e.g. shop.toml) with its diagnostics.
    pub fn with_diagnostics(code: i32, message: impl Into<String>, diags: Vec<Diagnostic>) -> Self {
        Error {
            code,
            message: message.into(),
            diagnostics: diags,
        }
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
