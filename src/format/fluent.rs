//! fluent's path: a locale's bundle, built on first need, and what fluent's resolver reports,
//! as typed errors. Everything the fast path does not serve is formatted here, so the output is
//! always fluent's own.

use std::borrow::Cow;

use api_error_i18n_source::{message_id, Node};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::resolver::errors::{ReferenceKind, ResolverError};
use fluent_bundle::{FluentArgs, FluentError, FluentResource};
use unic_langid::{CharacterDirection, LanguageIdentifier};

use crate::error::{Cause, Error};
use crate::pseudo::Pseudo;
use crate::source;

/// A locale's fluent bundle. The one place a bundle is built: isolation marks for right-to-left
/// locales only, a pseudo-locale's transformation, `NUMBER`, `DATETIME`, plural selection and
/// numbers by the locale (`crate::intl::install`), the first definition of an id kept.
pub(crate) fn new_bundle(
    language: &LanguageIdentifier,
    sources: &[Cow<'static, str>],
    pseudo: Option<Pseudo>,
) -> FluentBundle<FluentResource> {
    let mut bundle = FluentBundle::new_concurrent(vec![language.clone()]);
    bundle.set_use_isolating(isolating(language));
    bundle.set_transform(pseudo.map(Pseudo::transform));
    crate::intl::install(&mut bundle, language);
    for resource in source::parse(sources) {
        // Like the compiled messages, the bundle keeps the first definition of an id.
        let _overrides = bundle.add_resource(resource);
    }
    bundle
}

/// Isolation marks protect right-to-left text from the arguments around it; in left-to-right
/// locales they are only noise in API responses.
pub(crate) fn isolating(language: &LanguageIdentifier) -> bool {
    language.character_direction() == CharacterDirection::RTL
}

/// Message `code` of `bundle` (the locale `tag`) formatted by fluent, and the first problem met.
/// A bundle without the message gives an empty text, which the lookup skips.
pub(crate) fn format<'b>(
    bundle: &'b FluentBundle<FluentResource>,
    tag: &str,
    code: u32,
    args: Option<&FluentArgs>,
) -> (Cow<'b, str>, Option<Error>) {
    let Some(pattern) = bundle
        .get_message(&message_id(code))
        .and_then(|message| message.value())
    else {
        return (Cow::Borrowed(""), None);
    };
    let mut errors = Vec::new();
    let _stale = crate::intl::take_problem(); // left by a formatting outside a catalog
    let text = bundle.format_pattern(pattern, args, &mut errors);
    // What ICU4X cannot write: fluent's hooks cannot report it, `crate::intl` records it.
    let unsupported = crate::intl::take_problem().map(|cause| Error::Format {
        code,
        locale: tag.to_owned(),
        cause,
    });
    (text, unsupported.or_else(|| problem(code, tag, errors)))
}

/// The typed error for what fluent reported: a failure other than a missing argument first,
/// since it makes the text unusable, else the first missing argument.
fn problem(code: u32, tag: &str, errors: Vec<FluentError>) -> Option<Error> {
    let mut missing = None;
    for error in errors {
        let cause = match error {
            FluentError::ResolverError(ResolverError::Reference(ReferenceKind::Variable {
                id,
            })) => {
                missing = missing.or(Some(Error::MissingArgument { code, name: id }));
                continue;
            }
            FluentError::ResolverError(ResolverError::Reference(reference)) => {
                Cause::UnknownReference(match reference {
                    ReferenceKind::Function { id } => format!("{id}()"),
                    ReferenceKind::Message { id, attribute } => Node { id, attribute }.written(),
                    ReferenceKind::Term { id, attribute } => Node {
                        id: format!("-{id}"),
                        attribute,
                    }
                    .written(),
                    ReferenceKind::Variable { id } => format!("${id}"),
                })
            }
            FluentError::ResolverError(ResolverError::NoValue(id)) => Cause::NoValue(id),
            FluentError::ResolverError(ResolverError::Cyclic) => Cause::Cycle,
            FluentError::ResolverError(ResolverError::TooManyPlaceables) => {
                Cause::TooManyPlaceables
            }
            other => Cause::Other(other.to_string()),
        };
        return Some(Error::Format {
            code,
            locale: tag.to_owned(),
            cause,
        });
    }
    missing
}
