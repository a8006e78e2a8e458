//! A locale's messages compiled once and indexed by code: what a lookup reads.

use std::borrow::Cow;

use api_error_i18n_source::{code_of, message_id, Graph, Node, MAX_DEPTH};
use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use rustc_hash::FxHashMap;
use unic_langid::LanguageIdentifier;

use crate::error::Cause;
use crate::format::fluent::isolating;
use crate::format::pattern::Pattern;
use crate::pseudo::Pseudo;
use crate::source;

/// A locale's compiled messages by code. Only canonical `error-<code>` ids are kept, so a code
/// is all it takes to name the id.
pub(crate) struct Messages {
    patterns: Vec<Pattern>,
    index: CodeIndex,
}

/// Where a code's pattern is in `Messages::patterns`.
enum CodeIndex {
    /// For codes that are few and small (API error codes are): `slots[code]` is the pattern's
    /// position plus one, 0 for none. One bounds check and one load, against about 25
    /// instructions for a hash map lookup.
    Dense(Box<[u32]>),
    /// For anything else.
    Sparse(FxHashMap<u32, u32>),
}

/// A dense index may use this many slots per message, plus [`DENSE_SLACK`]: bounded memory
/// whatever the codes.
const DENSE_SLOTS_PER_MESSAGE: usize = 8;
const DENSE_SLACK: usize = 1024;

impl Messages {
    pub(crate) fn compile(
        language: &LanguageIdentifier,
        sources: &[Cow<'static, str>],
        pseudo: Option<Pseudo>,
    ) -> Messages {
        let transform = pseudo.map(Pseudo::transform);
        let isolating = isolating(language);
        let resources: Vec<FluentResource> = source::parse(sources).collect();
        let entries = || resources.iter().flat_map(FluentResource::entries);
        let mut positions: FxHashMap<u32, u32> = FxHashMap::default();
        let mut patterns = Vec::new();
        for entry in entries() {
            if let ast::Entry::Message(message) = entry {
                if let (Some(code), Some(value)) = (code_of(message.id.name), &message.value) {
                    // The first definition wins, as in a fluent bundle.
                    let Ok(position) = u32::try_from(patterns.len()) else {
                        continue;
                    };
                    positions.entry(code).or_insert_with(|| {
                        patterns.push(Pattern::compile(value, isolating, transform));
                        position
                    });
                }
            }
        }
        if patterns.iter().any(|p| matches!(p, Pattern::Fluent)) {
            refuse_too_deep(&mut patterns, &positions, Graph::new(entries()));
        }
        let largest = positions.keys().max().map_or(0, |&code| code as usize);
        let dense = largest < positions.len() * DENSE_SLOTS_PER_MESSAGE + DENSE_SLACK;
        let index = if dense {
            let mut slots = vec![0; largest + 1];
            for (&code, &position) in &positions {
                if let Some(slot) = slots.get_mut(code as usize) {
                    *slot = position + 1;
                }
            }
            CodeIndex::Dense(slots.into())
        } else {
            CodeIndex::Sparse(positions)
        };
        Messages { patterns, index }
    }

    /// The text of `code`, if it is plain text in this locale. Never empty: Fluent's parser
    /// gives a value at least one non-blank element, and `{ "" }` is not compiled to text.
    #[inline]
    pub(crate) fn plain_text(&self, code: u32) -> Option<&str> {
        match self.get(code)? {
            Pattern::Text(text) => Some(text),
            _ => None,
        }
    }

    /// The pattern for `code`, if this locale has one.
    #[inline]
    pub(crate) fn get(&self, code: u32) -> Option<&Pattern> {
        let position = match &self.index {
            CodeIndex::Dense(slots) => slots.get(code as usize)?.checked_sub(1)?,
            CodeIndex::Sparse(positions) => *positions.get(&code)?,
        };
        self.patterns.get(position as usize)
    }
}

/// Marks the messages that fluent's resolver could follow deeper than [`MAX_DEPTH`] levels as
/// unservable: the resolver recurses, and on a small thread stack that depth would abort the
/// process. A message that reaches a cycle is served within that bound: fluent stops where the
/// cycle closes and reports it, so only a variant that takes the cycle fails (and is skipped
/// like any failed format), as fluent-rs's own fixtures expect.
fn refuse_too_deep(patterns: &mut [Pattern], positions: &FxHashMap<u32, u32>, graph: Graph) {
    for (&code, &position) in positions {
        let Some(pattern @ Pattern::Fluent) = patterns.get_mut(position as usize) else {
            continue;
        };
        let node = Node {
            id: message_id(code),
            attribute: None,
        };
        if graph
            .resolution_bound(&node)
            .is_some_and(|levels| levels > MAX_DEPTH)
        {
            *pattern = Pattern::Unservable(Cause::TooDeep);
        }
    }
}
