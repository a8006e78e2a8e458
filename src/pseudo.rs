//! Pseudo-locales for the QA of client apps, generated from the default locale at load time with
//! fluent-pseudo, never stored as files: `en-XA` (accented and lengthened Latin, which shows
//! hard-coded strings and clipped labels) and `ar-XB` (mirrored, right-to-left text, which shows
//! layouts that break in RTL). Only a request that names one reaches it: they take no part in
//! negotiation (see `negotiation/chain.rs`).

use std::borrow::Cow;

/// A pseudo-locale's transformation of message text. Arguments are never transformed: fluent
/// and the compiled patterns apply it to text elements only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pseudo {
    Accented,
    Mirrored,
}

impl Pseudo {
    /// Each pseudo-locale and its tag.
    pub(crate) const ALL: [(Pseudo, &'static str); 2] =
        [(Pseudo::Accented, "en-XA"), (Pseudo::Mirrored, "ar-XB")];

    /// The transformation, in the shape fluent-bundle's `set_transform` takes.
    pub(crate) fn transform(self) -> fn(&str) -> Cow<'_, str> {
        match self {
            Pseudo::Accented => accented,
            Pseudo::Mirrored => mirrored,
        }
    }
}

/// `Success` → `Şuuƈƈeeşş`: about 30% longer, every letter still readable.
fn accented(text: &str) -> Cow<'_, str> {
    fluent_pseudo::transform(text, false, true)
}

/// `Success` → `Snɔɔǝss`, turned upside down and laid out right to left (inside U+202E
/// RIGHT-TO-LEFT OVERRIDE ... U+202C POP DIRECTIONAL FORMATTING), as Android's ar-XB does.
fn mirrored(text: &str) -> Cow<'_, str> {
    if text.trim().is_empty() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(format!(
        "\u{202e}{}\u{202c}",
        fluent_pseudo::transform(text, true, false)
    ))
}
