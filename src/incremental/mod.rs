//! What keeps builds incremental, in one home: the manifest of pages a build
//! wrote with the keys of their inputs.

pub mod manifest;
