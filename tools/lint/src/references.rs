//! References between the entries of one locale: each must name a message, term or attribute
//! that the locale defines, none may lead back to where it started, and none may reach deeper
//! than the library serves.
//!
//! Fluent resolves a reference inside the locale's own bundle, at run time. An unresolvable
//! one is no syntax error: without this check it passes the build and `tools check`, and
//! fluent would print `{-brand}` or `{id}` to the client (the library serves the next locale
//! instead, but the translation is lost either way).

use std::collections::BTreeMap;

use api_error_i18n_source::{Depth, Graph, Node, Unresolved, MAX_DEPTH};
use fluent_syntax::ast;

use crate::checks::at_id;
use crate::tree::{File, Locale};
use crate::{Check, Diagnostic};

pub(crate) fn check(locale: &Locale, out: &mut Vec<Diagnostic>) {
    let graph = Graph::new(locale.files.iter().flat_map(|file| &file.resource.body));
    let files = defining_files(locale);
    let file_of = |node: &Node| files.get(node.id.as_str()).copied();
    for reference in &graph.references {
        let (Some(problem), Some(file)) = (reference.unresolved, file_of(&reference.from)) else {
            continue;
        };
        let what = match problem {
            Unresolved::Undefined if reference.to.id.starts_with('-') => "a term not defined",
            Unresolved::Undefined => "a message not defined",
            Unresolved::NoAttribute => "an attribute not defined",
            Unresolved::NoValue => "a message with no value, only attributes",
        };
        out.push(at_id(
            file,
            &reference.from.id,
            &reference.to.written(),
            Check::UnknownReference,
            format!(
                "`{}` refers to `{}`, {what} in {}",
                reference.from.written(),
                reference.to.written(),
                locale.tag
            ),
            "define it in this locale, or write the text out; until then the next locale of the chain is served",
        ));
    }
    for cycle in &graph.cycles {
        let (Some(first), Some(second)) = (cycle.first(), cycle.get(1).or(cycle.first())) else {
            continue;
        };
        let Some(file) = file_of(first) else { continue };
        let path: Vec<String> = cycle.iter().chain([first]).map(Node::written).collect();
        out.push(at_id(
            file,
            &first.id,
            &second.written(),
            Check::Cycle,
            format!("`{}` refers back to itself: {}", first.written(), path.join(" → ")),
            "break the circle: one of them must be written out; until then the next locale of the chain is served",
        ));
    }
    for (node, depth) in &graph.depths {
        let Depth::Levels(levels) = *depth else {
            continue; // in or reaching a cycle: reported above
        };
        let Some(file) = file_of(node).filter(|_| levels > MAX_DEPTH) else {
            continue;
        };
        out.push(at_id(
            file,
            &node.id,
            "{",
            Check::Nesting,
            format!(
                "`{}` resolves {levels} levels deep through its references; the library serves at most {MAX_DEPTH}",
                node.written()
            ),
            "shorten the chain of messages and terms it refers to; until then the next locale of the chain is served",
        ));
    }
}

/// The file that first defines each message and term id (terms with their `-`).
fn defining_files(locale: &Locale) -> BTreeMap<String, &File> {
    let mut out = BTreeMap::new();
    for file in &locale.files {
        for entry in &file.resource.body {
            let id = match entry {
                ast::Entry::Message(message) => message.id.name.clone(),
                ast::Entry::Term(term) => format!("-{}", term.id.name),
                _ => continue,
            };
            out.entry(id).or_insert(file);
        }
    }
    out
}
