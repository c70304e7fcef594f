//! The translation table against the real command tree, and the rewritten help.

use super::*;

/// Every English string a user can read in `--help`: about texts, argument help,
/// possible-value help and headings, from the whole built tree.
fn english_strings() -> Vec<String> {
    fn walk(cmd: &Command, out: &mut Vec<String>) {
        out.extend(cmd.get_about().map(ToString::to_string));
        out.extend(cmd.get_long_about().map(ToString::to_string));
        for arg in cmd.get_arguments() {
            out.extend(arg.get_help().map(ToString::to_string));
            out.extend(arg.get_long_help().map(ToString::to_string));
            out.extend(arg.get_help_heading().map(str::to_string));
            for v in arg.get_possible_values() {
                out.extend(v.get_help().map(ToString::to_string));
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, out);
        }
    }
    let mut cmd = Cli::command();
    cmd.build();
    let mut out = Vec::new();
    walk(&cmd, &mut out);
    out.sort();
    out.dedup();
    out
}

/// `args` as the process would see them, with the program name first.
fn argv(args: &[&str]) -> Vec<OsString> {
    std::iter::once("jejaring").chain(args.iter().copied()).map(OsString::from).collect()
}

#[test]
fn lang_flag_is_found_before_parsing() {
    assert_eq!(lang_in_args(&argv(&["--lang", "id", "--help"])), Some(Lang::Id));
    assert_eq!(lang_in_args(&argv(&["goal", "new", "--lang=id", "-h"])), Some(Lang::Id));
    assert_eq!(lang_in_args(&argv(&["--lang", "en", "list"])), Some(Lang::En));
    assert_eq!(lang_in_args(&argv(&["--lang=id", "--lang=en"])), Some(Lang::En), "the last one wins");
}

#[test]
fn lang_flag_absent_unknown_or_after_double_dash_is_not_given() {
    assert_eq!(lang_in_args(&argv(&["list", "--help"])), None);
    assert_eq!(lang_in_args(&argv(&["--lang"])), None);
    assert_eq!(lang_in_args(&argv(&["--lang", "fr", "--help"])), None);
    assert_eq!(lang_in_args(&argv(&["log", "budi", "--", "--lang", "id"])), None);
    // The program name is never an argument.
    assert_eq!(lang_in_args(&[OsString::from("--lang=id")]), None);
}

#[test]
fn every_help_text_has_an_indonesian_translation() {
    let missing: Vec<String> = english_strings().into_iter().filter(|s| indonesian::translate(s).is_none()).collect();
    assert!(
        missing.is_empty(),
        "no Indonesian for these help texts (add them to src/help/indonesian*.rs):\n{missing:#?}"
    );
}

#[test]
fn the_indonesian_command_line_is_well_formed() {
    command(Lang::Id).debug_assert();
}

#[test]
fn indonesian_help_has_indonesian_headings_and_no_english_labels() {
    let mut cmd = command(Lang::Id);
    let root = cmd.render_long_help().to_string();
    let list = cmd.find_subcommand_mut("list").expect("list").render_long_help().to_string();
    for help in [&root, &list] {
        for id in ["Pemakaian: jejaring", "Opsi:", "Opsi umum:", "Tampilkan bantuan"] {
            assert!(help.contains(id), "missing {id:?} in:\n{help}");
        }
        for en in ["Usage:", "Options:", "Commands:", "[default:", "possible values", "Print help"] {
            assert!(!help.contains(en), "English {en:?} left in:\n{help}");
        }
    }
    assert!(root.contains("Perintah:\n  add-contact  Tambahkan seseorang ke jaringan Anda"), "{root}");
    assert!(list.contains("[bawaan: table]"), "{list}");
    assert!(list.contains("Nilai yang mungkin:\n"), "{list}");
    assert!(list.contains("- name:   Menurut nama"), "{list}");
}

#[test]
fn english_is_the_plain_command() {
    let mut plain = Cli::command();
    assert_eq!(command(Lang::En).render_long_help().to_string(), plain.render_long_help().to_string());
}
