//! The crate's hashes: FNV-1a over bytes (checksums, content hashes, the
//! record maps' `Hasher`) and [`Fold`], an order-sensitive hash of several
//! values. Both are stable across builds and platforms: their values are
//! kept in files under `.langgan/`.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a, 64 bit: stable across builds and platforms.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_from(FNV_OFFSET, bytes)
}

/// FNV-1a continued from state `h`.
#[inline]
fn fnv1a_from(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// FNV-1a as a `Hasher`: ids and phones are short, and they come from the
/// shop's own files, so SipHash's flood resistance is not worth its cost on
/// every load of a 100k-customer index.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let h = if self.0 == 0 { FNV_OFFSET } else { self.0 };
        self.0 = fnv1a_from(h, bytes);
    }
}

pub type FastHash = std::hash::BuildHasherDefault<Fnv>;

/// An order-sensitive hash of several values: length-prefixed parts taken
/// eight bytes at a time, each word mixed in by a multiply and a shift (the
/// shift carries high bits down, so every input bit reaches every output bit).
/// It tells whether inputs changed; it is not a defence against crafted input.
#[derive(Clone, Copy)]
pub struct Fold(pub u64);

impl Default for Fold {
    fn default() -> Fold {
        Fold(FNV_OFFSET)
    }
}

impl Fold {
    fn word(&mut self, w: u64) {
        self.0 = (self.0 ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 ^= self.0 >> 29;
    }

    pub fn bytes(&mut self, b: &[u8]) {
        self.word(b.len() as u64);
        let mut chunks = b.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.word(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.word(u64::from_le_bytes(w));
        }
    }

    pub fn path(&mut self, p: &std::path::Path) {
        self.bytes(p.as_os_str().as_encoded_bytes());
    }
    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.bytes(&v.to_le_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hasher;

    /// The values are kept in `.langgan/` files: they must never change.
    #[test]
    fn stable_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        let mut h = Fnv::default();
        h.write(b"a");
        assert_eq!(h.finish(), fnv1a(b"a"));
        let mut f = Fold::default();
        f.str("a");
        assert_eq!(f.0, 0x3b0d_3c5c_a6d8_d425);
        let mut g = Fold::default();
        g.str("a");
        g.str("");
        assert_ne!(f.0, g.0, "length-prefixed: an empty part still counts");
    }
}
