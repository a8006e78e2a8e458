//! A JSON body written straight into one buffer: constant fragments as they are, strings
//! escaped by `serde_json`. The body formats write their fixed shapes with it, as their
//! `Serialize` implementations would, without serde's map and sequence machinery (which
//! escapes every constant key and type URL again for every response).

/// A JSON text being written; what [`Json::raw`] is given must be JSON already.
pub(crate) struct Json {
    bytes: Vec<u8>,
    failed: bool,
}

impl Json {
    /// A buffer that holds `capacity` bytes before it grows.
    pub(crate) fn with_capacity(capacity: usize) -> Json {
        Json {
            bytes: Vec::with_capacity(capacity),
            failed: false,
        }
    }

    /// Appends `fragment`, which must be valid JSON where it goes (keys, punctuation).
    pub(crate) fn raw(&mut self, fragment: &str) -> &mut Json {
        self.bytes.extend_from_slice(fragment.as_bytes());
        self
    }

    /// Appends `text` as a JSON string, quoted and escaped as `serde_json` escapes it.
    pub(crate) fn string(&mut self, text: &str) -> &mut Json {
        // `serde_json` escapes a control character, `"` and `\\` only. Most texts have none,
        // which a loop without early exit finds in a few instructions per 16 bytes.
        let plain = !text.bytes().fold(false, |escape, b| {
            escape | (b < 0x20) | (b == b'"') | (b == b'\\')
        });
        if plain {
            self.bytes.reserve(text.len() + 2);
            self.bytes.push(b'"');
            self.bytes.extend_from_slice(text.as_bytes());
            self.bytes.push(b'"');
        } else {
            self.failed |= serde_json::to_writer(&mut self.bytes, text).is_err();
        }
        self
    }

    /// Appends `number`.
    pub(crate) fn number(&mut self, number: u64) -> &mut Json {
        self.failed |= serde_json::to_writer(&mut self.bytes, &number).is_err();
        self
    }

    /// The text written; `None` if `serde_json` failed to write a part (it does not, into a
    /// `Vec`).
    pub(crate) fn finish(self) -> Option<Vec<u8>> {
        (!self.failed).then_some(self.bytes)
    }
}
