//! The domain's folders are layers: a folder uses only the folders its entry in [`LAYERS`]
//! names, each declared before it, so no import cycle runs between folders. This test reads
//! the sources and checks every path to another folder (`crate::domain::catalog::…`,
//! `super::super::catalog::…`, `domain::{catalog::…, …}`).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Each folder, lowest first, and the folders it may use: only folders declared before it.
const LAYERS: &[(&str, &[&str])] = &[
    ("base", &[]),
    ("catalog", &["base"]),
    ("panel", &["catalog", "base"]),
    ("reader", &["panel", "catalog", "base"]),
    ("explore", &["panel", "catalog", "base"]),
    ("publish", &["explore", "panel", "catalog", "base"]),
];

/// Modules at the top of the domain: above every folder, which may use none of them but
/// the tests' shared data.
const TOP: &[&str] = &["home", "prerender", "testdata"];
const SHARED: &[&str] = &["testdata"];

/// The folders and top modules a source names, from code lines (comments are skipped).
fn named(source: &str) -> BTreeSet<String> {
    let known = |n: &str| LAYERS.iter().any(|(f, _)| *f == n) || TOP.contains(&n);
    let mut out = BTreeSet::new();
    for line in source.lines().filter(|l| !l.trim_start().starts_with("//")) {
        for (i, _) in line.match_indices("::") {
            let before = line[..i].trim_end_matches(|c: char| c.is_alphanumeric() || c == '_');
            let head = &line[before.len()..i];
            if head != "domain" && head != "super" {
                continue;
            }
            let names = heads(&line[i + 2..]).filter(|n| known(n));
            out.extend(names.map(String::from));
        }
    }
    out
}

/// The first name of what follows a `::`: of the path, or of each item of a `{…}` group
/// at its top level.
fn heads(rest: &str) -> impl Iterator<Item = &str> {
    let items = match rest.strip_prefix('{') {
        Some(group) => top_items(group),
        None => vec![rest],
    };
    items.into_iter().map(|n| {
        let n = n.trim_start();
        let end = n
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(n.len());
        &n[..end]
    })
}

/// The items of a `{…}` group (after its `{`), up to its `}`.
fn top_items(group: &str) -> Vec<&str> {
    let (mut depth, mut start, mut items) = (0, 0, Vec::new());
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&group[start..]);
    items
}

/// What is wrong with `folder` naming `names`, one line per name it may not use.
fn violations(file: &str, folder: &str, names: &BTreeSet<String>) -> Vec<String> {
    let Some((_, allowed)) = LAYERS.iter().find(|(f, _)| *f == folder) else {
        return vec![format!("{file}: folder `{folder}` is missing from LAYERS")];
    };
    names
        .iter()
        .filter(|n| *n != folder && !allowed.contains(&n.as_str()) && !SHARED.contains(&n.as_str()))
        .map(|n| format!("{file} uses `{n}`; `{folder}` may use {allowed:?}"))
        .collect()
}

/// The files of its own folder a source names: `super::text::…`, `super::{doc::Doc, …}`
/// (not `super::super::…`, which leaves the folder) or `domain::explore::text::…`.
fn siblings(source: &str, folder: &str, files: &BTreeSet<String>) -> BTreeSet<String> {
    let own = format!("domain::{folder}::");
    let mut out = BTreeSet::new();
    for line in source.lines().filter(|l| !l.trim_start().starts_with("//")) {
        let paths = line
            .match_indices("super::")
            .filter(|(i, _)| !line[..*i].ends_with("super::"))
            .map(|(i, m)| &line[i + m.len()..])
            .chain(line.match_indices(&own).map(|(i, m)| &line[i + m.len()..]));
        for rest in paths.filter(|r| !r.starts_with("super::")) {
            out.extend(heads(rest).filter(|n| files.contains(*n)).map(String::from));
        }
    }
    out
}

/// A cycle among the files of a folder (file → the files it names), as `a → b → a`.
fn cycle(uses: &BTreeMap<String, BTreeSet<String>>) -> Option<String> {
    fn walk(
        at: &str,
        uses: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<String> {
        if let Some(i) = path.iter().position(|p| p == at) {
            return Some(format!("{} → {at}", path[i..].join(" → ")));
        }
        if !done.insert(at.to_string()) {
            return None;
        }
        path.push(at.to_string());
        for next in uses.get(at).into_iter().flatten() {
            if let Some(c) = walk(next, uses, path, done) {
                return Some(c);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    uses.keys()
        .find_map(|f| walk(f, uses, &mut Vec::new(), &mut done))
}

#[test]
fn no_import_cycle_between_the_files_of_a_folder() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    let mut cycles = Vec::new();
    for (folder, _) in LAYERS {
        let sources: Vec<(String, String)> = fs::read_dir(root.join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
            .map(|p| {
                let stem = p.file_stem().unwrap().to_str().unwrap().to_string();
                let source = fs::read_to_string(&p).unwrap();
                // A file's tests may use any file of its folder.
                let code = source
                    .split("#[cfg(test)]\nmod tests")
                    .next()
                    .unwrap_or_default();
                (stem, code.to_string())
            })
            .collect();
        let files: BTreeSet<String> = sources.iter().map(|(f, _)| f.clone()).collect();
        let uses = sources
            .iter()
            .map(|(f, src)| {
                let mut named = siblings(src, folder, &files);
                named.remove(f);
                (f.clone(), named)
            })
            .collect();
        cycles.extend(cycle(&uses).map(|c| format!("{folder}: {c}")));
    }
    assert!(cycles.is_empty(), "{}", cycles.join("\n"));
}

#[test]
fn a_cycle_between_files_is_found() {
    let files: BTreeSet<String> = ["search", "text", "terms"].map(String::from).into();
    let search = "use super::{terms::Term, text::TextIndex};";
    let text = "use super::terms::Term;\nfn f() { crate::domain::explore::search::x(); }";
    let named = |src| siblings(src, "explore", &files);
    assert_eq!(named(search), ["terms", "text"].map(String::from).into());
    assert_eq!(named(text), ["search", "terms"].map(String::from).into());
    assert!(named("use super::super::panel::x;").is_empty());
    let uses: BTreeMap<String, BTreeSet<String>> = [
        ("search".to_string(), named(search)),
        ("terms".to_string(), BTreeSet::new()),
        ("text".to_string(), named(text)),
    ]
    .into();
    assert_eq!(cycle(&uses).as_deref(), Some("search → text → search"));
    let fixed = [("text".to_string(), named("use super::terms::Term;"))].into();
    assert_eq!(cycle(&fixed), None);
}

#[test]
fn layers_are_declared_lowest_first() {
    for (i, (folder, allowed)) in LAYERS.iter().enumerate() {
        for a in *allowed {
            assert!(
                LAYERS[..i].iter().any(|(f, _)| f == a),
                "`{folder}` may use `{a}`, which is not declared before it"
            );
        }
    }
}

#[test]
fn folders_use_only_the_layers_below() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    let mut problems = Vec::new();
    let mut folders = 0;
    for entry in fs::read_dir(&root).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        folders += 1;
        let folder = dir.file_name().unwrap().to_str().unwrap().to_string();
        let mut stack = vec![dir];
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let file = path.strip_prefix(&root).unwrap().display().to_string();
                    let names = named(&fs::read_to_string(&path).unwrap());
                    problems.extend(violations(&file, &folder, &names));
                }
            }
        }
    }
    assert_eq!(folders, LAYERS.len(), "every folder is declared in LAYERS");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_path_up_a_layer_is_found() {
    let source = "//! Not `crate::domain::publish`: a comment.\n\
        use crate::domain::base::order;\n\
        use super::super::panel::verdict::Tally;\n\
        use crate::domain::{explore::routes, base::fold};\n\
        fn f() { crate::domain::reader::store::decode_votes(None); }\n";
    let names = named(source);
    assert_eq!(
        names.iter().map(String::as_str).collect::<Vec<_>>(),
        ["base", "explore", "panel", "reader"]
    );
    let found = violations("catalog/x.rs", "catalog", &names);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found[0].starts_with("catalog/x.rs uses `explore`"));
    assert!(
        violations("publish/x.rs", "publish", &named("use super::super::home;"))[0]
            .contains("uses `home`")
    );
    assert!(violations("x/y.rs", "x", &names)[0].contains("missing from LAYERS"));
}
