//! The references between the entries of one locale, and how deep resolving each one goes.
//!
//! fluent-bundle's resolver recurses through every placeable and every message or term it
//! follows. It stops at 100 placeables, but a chain of about 90 references already overflows a
//! 256 KB thread stack in a debug build. So the library measures, once per locale, how deep each
//! entry's resolution can go, and serves none deeper than [`MAX_DEPTH`]; the lint reports the
//! same entries. fluent's resolver detects a cycle when it re-enters a pattern, so a message
//! that reaches one is served within a bound ([`Graph::resolution_bound`]): a variant that
//! cycles fails as fluent says, and the others resolve. Written once, over fluent-syntax's AST whatever its string
//! type, so that the two agree.
//!
//! A node is one pattern: an entry's value (`error-2`, `-brand`) or one of its attributes
//! (`error-2.title`), as fluent tracks cycles by pattern. The walk is iterative: a chain of
//! 10,000 references costs no stack.

use std::collections::BTreeMap;

use fluent_syntax::ast;

/// The deepest resolution the library serves, in levels: a placeable, a select or a call
/// argument nested in another is one level, and so is each message or term reference followed.
/// At this depth fluent's resolver fits in a 256 KB thread stack in debug builds too.
pub const MAX_DEPTH: usize = 32;

/// A pattern as a reference names it: `error-2`, `-brand` (with its `-`), `error-2.title`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Node {
    /// The entry's id, with the `-` of a term.
    pub id: String,
    /// The attribute, for a reference to one (`title` in `error-2.title`).
    pub attribute: Option<String>,
}

impl Node {
    /// The node as written in Fluent: `error-2.title`.
    ///
    /// ```
    /// let node = api_error_i18n_source::Node { id: "error-2".into(), attribute: Some("title".into()) };
    /// assert_eq!(node.written(), "error-2.title");
    /// ```
    pub fn written(&self) -> String {
        match &self.attribute {
            Some(attribute) => format!("{}.{attribute}", self.id),
            None => self.id.clone(),
        }
    }
}

/// How deep resolving a pattern goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// At most this many levels (its own nesting, and what its references reach).
    Levels(usize),
    /// It is part of a cycle of references, or reaches one.
    Cycle,
}

/// One reference as written in a pattern, and whether the locale defines what it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The pattern the reference is written in.
    pub from: Node,
    /// What it names.
    pub to: Node,
    /// Why `to` cannot be resolved, if it cannot.
    pub unresolved: Option<Unresolved>,
}

/// Why a reference cannot be resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unresolved {
    /// No message or term has that id.
    Undefined,
    /// The entry exists, without that attribute.
    NoAttribute,
    /// The message has attributes but no value.
    NoValue,
}

/// The reference graph of one locale.
#[derive(Debug, Default)]
pub struct Graph {
    /// Each pattern's depth.
    pub depths: BTreeMap<Node, Depth>,
    /// Every reference, in entry order.
    pub references: Vec<Reference>,
    /// Each cycle found, once, as its nodes from where the walk entered it.
    pub cycles: Vec<Vec<Node>>,
    /// Each pattern's own nesting, and the defined patterns it refers to.
    patterns: BTreeMap<Node, (usize, Vec<Node>)>,
}

/// What one pattern holds: its own nesting, and its references with the level they stand at.
struct Pattern {
    nesting: usize,
    references: Vec<(Node, usize)>,
}

impl Graph {
    /// The graph of `entries`, which together make one locale (every resource's, in order).
    /// The first definition of an id counts, as in a fluent bundle.
    ///
    /// ```
    /// use api_error_i18n_source::{Depth, Graph, Node};
    ///
    /// let resource = fluent_syntax::parser::parse("a = { b }\nb = { { $x } }\nc = { c }\n").unwrap();
    /// let graph = Graph::new(&resource.body);
    /// let node = |id: &str| Node { id: id.into(), attribute: None };
    /// assert_eq!(graph.depth(&node("a")), Some(Depth::Levels(3)));
    /// assert_eq!(graph.depth(&node("c")), Some(Depth::Cycle));
    /// assert_eq!(graph.cycles.len(), 1);
    /// ```
    pub fn new<'r, S: AsRef<str> + 'r>(
        entries: impl IntoIterator<Item = &'r ast::Entry<S>>,
    ) -> Graph {
        // Each entry's patterns, and which of them exist, for resolving references.
        let mut patterns: BTreeMap<Node, Pattern> = BTreeMap::new();
        let mut values: BTreeMap<String, bool> = BTreeMap::new();
        let mut order: Vec<Node> = Vec::new();
        for entry in entries {
            let (id, value, attributes) = match entry {
                ast::Entry::Message(message) => (
                    message.id.name.as_ref().to_owned(),
                    message.value.as_ref(),
                    &message.attributes,
                ),
                ast::Entry::Term(term) => (
                    format!("-{}", term.id.name.as_ref()),
                    Some(&term.value),
                    &term.attributes,
                ),
                _ => continue,
            };
            if values.contains_key(&id) {
                continue;
            }
            values.insert(id.clone(), value.is_some());
            let all = value.map(|value| (None, value)).into_iter().chain(
                attributes
                    .iter()
                    .map(|a| (Some(a.id.name.as_ref().to_owned()), &a.value)),
            );
            for (attribute, pattern) in all {
                let node = Node {
                    id: id.clone(),
                    attribute,
                };
                let mut compiled = Pattern {
                    nesting: 0,
                    references: Vec::new(),
                };
                walk_pattern(pattern, 0, &mut compiled);
                order.push(node.clone());
                patterns.insert(node, compiled);
            }
        }
        let mut graph = Graph::default();
        for from in &order {
            let Some(pattern) = patterns.get(from) else {
                continue;
            };
            for (to, _) in &pattern.references {
                let unresolved = if patterns.contains_key(to) {
                    None
                } else {
                    Some(match (values.get(&to.id), &to.attribute) {
                        (None, _) => Unresolved::Undefined,
                        (Some(_), Some(_)) => Unresolved::NoAttribute,
                        (Some(_), None) => Unresolved::NoValue,
                    })
                };
                graph.references.push(Reference {
                    from: from.clone(),
                    to: to.clone(),
                    unresolved,
                });
            }
        }
        graph.measure(&order, &patterns);
        graph.patterns = patterns
            .into_iter()
            .map(|(node, pattern)| {
                let to = pattern.references.into_iter().map(|(to, _)| to);
                let defined = to.filter(|to| graph.depths.contains_key(to)).collect();
                (node, (pattern.nesting, defined))
            })
            .collect();
        graph
    }

    /// Depth-first, iteratively, from each node in entry order: a node's depth is known when
    /// all it refers to is; a node met again while still on the path closes a cycle.
    fn measure(&mut self, order: &[Node], patterns: &BTreeMap<Node, Pattern>) {
        enum Mark {
            OnPath,
            Done(Depth),
        }
        /// A node on the path: the index of its next reference, its depth so far, and the level
        /// of the reference its parent reached it by.
        struct Step<'n> {
            node: &'n Node,
            next: usize,
            depth: Depth,
            level: usize,
        }
        let own = |node: &Node| Depth::Levels(patterns.get(node).map_or(0, |p| p.nesting));
        let mut marks: BTreeMap<&Node, Mark> = BTreeMap::new();
        for root in order {
            if marks.contains_key(root) {
                continue;
            }
            marks.insert(root, Mark::OnPath);
            let mut path = vec![Step {
                node: root,
                next: 0,
                depth: own(root),
                level: 0,
            }];
            while let Some(step) = path.last_mut() {
                let reference = patterns
                    .get(step.node)
                    .and_then(|pattern| pattern.references.get(step.next));
                step.next += 1;
                let Some((to, level)) = reference else {
                    let (node, depth, level) = (step.node, step.depth, step.level);
                    marks.insert(node, Mark::Done(depth));
                    self.depths.insert(node.clone(), depth);
                    path.pop();
                    if let Some(parent) = path.last_mut() {
                        parent.depth = deeper(parent.depth, below(level, depth));
                    }
                    continue;
                };
                let Some((to, _)) = patterns.get_key_value(to) else {
                    continue; // unresolved: fluent reports it; it adds no depth
                };
                match marks.get(to) {
                    Some(Mark::OnPath) => {
                        let start = path.iter().position(|s| s.node == to).unwrap_or(0);
                        self.cycles
                            .push(path.iter().skip(start).map(|s| s.node.clone()).collect());
                        // Every node of the cycle is in it, not only the one that closes it.
                        for step in path.iter_mut().skip(start) {
                            step.depth = Depth::Cycle;
                        }
                    }
                    Some(Mark::Done(reached)) => {
                        step.depth = deeper(step.depth, below(*level, *reached));
                    }
                    None => {
                        marks.insert(to, Mark::OnPath);
                        path.push(Step {
                            node: to,
                            next: 0,
                            depth: own(to),
                            level: *level,
                        });
                    }
                }
            }
        }
    }

    /// How deep resolving `node` goes, if it is defined.
    pub fn depth(&self, node: &Node) -> Option<Depth> {
        self.depths.get(node).copied()
    }

    /// At most how many levels deep fluent's resolver goes from `node`, if it is defined: its
    /// [`depth`](Graph::depth) where no cycle is reached. Through a cycle the resolver stops
    /// where it would re-enter a pattern it is resolving, so it follows a path that visits each
    /// pattern once, and that path is no deeper than the nesting of every pattern `node`
    /// reaches, added up. The library serves what is bounded by [`MAX_DEPTH`].
    ///
    /// ```
    /// use api_error_i18n_source::{Graph, Node};
    ///
    /// let source = "a = { $sel ->\n   *[x] { a }\n    [y] Y\n}\nb = { { c } }\nc = { b }\n";
    /// let resource = fluent_syntax::parser::parse(source).unwrap();
    /// let graph = Graph::new(&resource.body);
    /// let node = |id: &str| Node { id: id.into(), attribute: None };
    /// assert_eq!(graph.resolution_bound(&node("a")), Some(2));
    /// assert_eq!(graph.resolution_bound(&node("b")), Some(3));
    /// assert_eq!(graph.resolution_bound(&node("z")), None);
    /// ```
    pub fn resolution_bound(&self, node: &Node) -> Option<usize> {
        match self.depth(node)? {
            Depth::Levels(levels) => Some(levels),
            Depth::Cycle => {
                let mut seen: std::collections::BTreeSet<&Node> = [node].into();
                let mut todo = vec![node];
                let mut sum = 0usize;
                while let Some(at) = todo.pop() {
                    let Some((nesting, to)) = self.patterns.get(at) else {
                        continue;
                    };
                    sum = sum.saturating_add(*nesting);
                    todo.extend(to.iter().filter(|to| seen.insert(to)));
                }
                Some(sum)
            }
        }
    }
}

/// The depth of a pattern reached by a reference at `level`, seen from the referring one.
fn below(level: usize, depth: Depth) -> Depth {
    match depth {
        Depth::Levels(levels) => Depth::Levels(level + levels),
        Depth::Cycle => Depth::Cycle,
    }
}

fn deeper(a: Depth, b: Depth) -> Depth {
    match (a, b) {
        (Depth::Levels(a), Depth::Levels(b)) => Depth::Levels(a.max(b)),
        _ => Depth::Cycle,
    }
}

// The AST walk recurses, but only as deep as the source nests, which `bound_nesting` bounds
// before anything is parsed.
fn walk_pattern<S: AsRef<str>>(pattern: &ast::Pattern<S>, level: usize, out: &mut Pattern) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, level + 1, out);
        }
    }
}

fn walk_expression<S: AsRef<str>>(
    expression: &ast::Expression<S>,
    level: usize,
    out: &mut Pattern,
) {
    out.nesting = out.nesting.max(level);
    match expression {
        ast::Expression::Inline(inline) => walk_inline(inline, level, out),
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, level, out);
            for variant in variants {
                walk_pattern(&variant.value, level, out);
            }
        }
    }
}

fn walk_inline<S: AsRef<str>>(inline: &ast::InlineExpression<S>, level: usize, out: &mut Pattern) {
    match inline {
        ast::InlineExpression::MessageReference { id, attribute } => out.references.push((
            Node {
                id: id.name.as_ref().to_owned(),
                attribute: attribute.as_ref().map(|a| a.name.as_ref().to_owned()),
            },
            level,
        )),
        ast::InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } => {
            out.references.push((
                Node {
                    id: format!("-{}", id.name.as_ref()),
                    attribute: attribute.as_ref().map(|a| a.name.as_ref().to_owned()),
                },
                level,
            ));
            if let Some(arguments) = arguments {
                walk_arguments(arguments, level + 1, out);
            }
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            walk_arguments(arguments, level + 1, out);
        }
        ast::InlineExpression::Placeable { expression } => {
            walk_expression(expression, level + 1, out)
        }
        _ => {}
    }
}

fn walk_arguments<S: AsRef<str>>(
    arguments: &ast::CallArguments<S>,
    level: usize,
    out: &mut Pattern,
) {
    out.nesting = out.nesting.max(level);
    for argument in &arguments.positional {
        walk_inline(argument, level, out);
    }
    for argument in &arguments.named {
        walk_inline(&argument.value, level, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(source: &str) -> Graph {
        let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(partial, _)| partial);
        Graph::new(&resource.body)
    }

    fn depth(graph: &Graph, id: &str) -> Option<Depth> {
        graph.depth(&Node {
            id: id.to_owned(),
            attribute: None,
        })
    }

    #[test]
    fn depth_adds_nesting_and_references() {
        let g =
            graph("a = x\nb = { $x }\nc = { { b } }\nd = { c } { -t(1) }\n-t = { NUMBER($n) }\n");
        assert_eq!(depth(&g, "a"), Some(Depth::Levels(0)));
        assert_eq!(depth(&g, "b"), Some(Depth::Levels(1)));
        assert_eq!(depth(&g, "c"), Some(Depth::Levels(3)));
        assert_eq!(depth(&g, "d"), Some(Depth::Levels(4)));
        assert_eq!(depth(&g, "-t"), Some(Depth::Levels(2)));
    }

    #[test]
    fn cycles_are_found_once_and_reach_back() {
        let g = graph("a = { b }\nb = { c }\nc = { a }\nd = { a }\ne = { e.x }\n    .x = fine\n");
        assert_eq!(g.cycles.len(), 1);
        for id in ["a", "b", "c", "d"] {
            assert_eq!(depth(&g, id), Some(Depth::Cycle), "{id}");
        }
        // An attribute is another pattern: no cycle.
        assert_eq!(depth(&g, "e"), Some(Depth::Levels(1)));
    }

    #[test]
    fn a_long_chain_costs_no_stack() {
        let source: String = (0..100_000)
            .map(|n| format!("m{n} = {{ m{} }}\n", n + 1))
            .collect();
        let g = graph(&source);
        assert_eq!(depth(&g, "m0"), Some(Depth::Levels(100_000)));
    }

    #[test]
    fn unresolved_references() {
        let g = graph("a = { b } { -t } { c.x } { c }\nc =\n    .y = y\n");
        let kinds: Vec<_> = g
            .references
            .iter()
            .map(|r| (r.to.written(), r.unresolved))
            .collect();
        assert_eq!(
            kinds,
            [
                ("b".to_owned(), Some(Unresolved::Undefined)),
                ("-t".to_owned(), Some(Unresolved::Undefined)),
                ("c.x".to_owned(), Some(Unresolved::NoAttribute)),
                ("c".to_owned(), Some(Unresolved::NoValue)),
            ]
        );
    }
}
