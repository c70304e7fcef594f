//! Who knows whom through the real binary: `knows`, `add-contact --introduced-by`,
//! `who-knows`, `path` for someone you only know of, `intro ask|done|dropped|draft|list`,
//! and the introduction pick a goal behind gets. Bad input changes nothing.

use crate::env::{TestEnv, one_error_line};
use serde_json::Value;

fn json(env: &TestEnv, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let (out, _) = env.ok(&all);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn id_of(env: &TestEnv, handle: &str) -> Value {
    env.contacts().into_iter().find(|c| c["handle"] == handle).unwrap()["id"].clone()
}

#[test]
fn knows_records_a_link_once_updates_how_and_forgets_it() {
    let env = TestEnv::new();
    let budi = env.add("Budi Santoso", &["--stage", "trusted"]);
    let dewi = env.add("Dewi Lestari", &[]);
    let (_, err) = env.ok(&["knows", &budi, &dewi, "--how", "studied at ITB together"]);
    assert_eq!(err.trim(), "Noted: Budi Santoso and Dewi Lestari know each other");
    let before = env.snapshot();
    env.ok(&["knows", &dewi, &budi]);
    before.assert_unchanged();
    let links = env.json()["links"].clone();
    assert_eq!(links.as_array().unwrap().len(), 1);
    assert_eq!(links[0]["how"], "studied at ITB together");
    assert_eq!(links[0]["on"], "2026-11-28");
    // show lists whom they know, with your words.
    let (out, _) = env.ok(&["show", &dewi]);
    assert!(out.contains(&format!("  Budi Santoso ({budi}) — \u{201c}studied at ITB together\u{201d}")), "{out}");
    let v = json(&env, &["show", &dewi]);
    assert_eq!(v["knows"][0]["handle"], budi.as_str());
    assert_eq!(v["knows"][0]["tie"]["evidence"][0]["via"], "link");
    env.ok(&["knows", &budi, &dewi, "--forget"]);
    assert!(env.json().get("links").is_none());
}

#[test]
fn knows_on_a_known_link_moves_its_day_and_says_when_nothing_changed() {
    let env = TestEnv::new();
    let budi = env.add("Budi Santoso", &[]);
    let dewi = env.add("Dewi Lestari", &[]);
    env.ok(&["knows", &budi, &dewi]);
    // Said again with nothing new: the truth, and nothing written.
    let before = env.snapshot();
    let (_, err) = env.ok(&["knows", &dewi, &budi]);
    assert_eq!(err.trim(), "Already noted: Budi Santoso and Dewi Lestari know each other, since 2026-11-28");
    let (_, err) = env.ok(&["--lang", "id", "knows", &dewi, &budi]);
    assert_eq!(err.trim(), "Sudah tercatat: Budi Santoso dan Dewi Lestari saling kenal, sejak 2026-11-28");
    before.assert_unchanged();
    // You learned it years ago: the link's day is the one you give.
    let (_, err) = env.ok(&["knows", &budi, &dewi, "--on", "2024-05-01"]);
    assert_eq!(err.trim(), "Updated: Budi Santoso and Dewi Lestari know each other, since 2024-05-01 (was 2026-11-28)");
    let links = env.json()["links"].clone();
    assert_eq!((links.as_array().unwrap().len(), links[0]["on"].as_str()), (1, Some("2024-05-01")));
    let v = json(&env, &["show", &dewi]);
    // The evidence ages from that day: a link of two and a half years ago is an old tie.
    let tie = &v["knows"][0]["tie"];
    assert_eq!((tie["evidence"][0]["last"].as_str(), tie["old"].as_bool()), (Some("2024-05-01"), Some(true)), "{v}");
    let (_, err) = env.ok(&["--lang", "id", "knows", &budi, &dewi, "--on", "2024-06-01", "--how", "satu kantor"]);
    assert_eq!(
        err.trim(),
        "Diperbarui: Budi Santoso dan Dewi Lestari saling kenal, sejak 2024-06-01 (sebelumnya 2024-05-01)"
    );
    // The same day again changes nothing; a day in the future is refused, unchanged.
    let before = env.snapshot();
    let (_, err) = env.ok(&["knows", &budi, &dewi, "--on", "2024-06-01", "--how", "satu kantor"]);
    assert!(err.starts_with("Already noted:"), "{err}");
    let err = env.fails(&["knows", &budi, &dewi, "--on", "2027-01-01"], 1);
    assert!(one_error_line(&err).contains("--on"), "{err}");
    before.assert_unchanged();
}

#[test]
fn knows_refuses_one_person_twice_and_unknown_names_changing_nothing() {
    let env = TestEnv::new();
    let budi = env.add("Budi Santoso", &[]);
    let before = env.snapshot();
    let err = env.fails(&["knows", &budi, "budi"], 2);
    assert!(one_error_line(&err).contains("two different people"), "{err}");
    let err = env.fails(&["knows", &budi, "Nobody Here"], 1);
    assert!(one_error_line(&err).contains("no contact matches"), "{err}");
    let err = env.fails(&["knows", &budi, "budi", "--forget", "--how", "x"], 2);
    assert!(err.contains("--how"), "{err}");
    before.assert_unchanged();
}

#[test]
fn introduced_by_is_recorded_and_shown() {
    let env = TestEnv::new();
    let budi = env.add("Budi Santoso", &["--stage", "trusted"]);
    let kofi = env.add("Kofi Mensah", &["--stage", "stranger", "--introduced-by", &budi]);
    let link = &env.json()["links"][0];
    assert_eq!((link["introduced"].as_bool(), link["on"].as_str()), (Some(true), Some("2026-11-28")));
    assert_eq!(link["a"], id_of(&env, &budi));
    let v = json(&env, &["show", &kofi]);
    assert_eq!(v["introduced_by"]["handle"], budi.as_str());
    let (brief, _) = env.ok(&["brief", &kofi]);
    assert!(brief.contains(&format!("  introduced by Budi Santoso ({budi}) on 2026-11-28")), "{brief}");
    // An unknown introducer adds nobody.
    let before = env.snapshot();
    env.fails(&["add-contact", "Lina", "--introduced-by", "Nobody Here"], 1);
    before.assert_unchanged();
}

#[test]
fn who_knows_by_tag_circle_and_organisation() {
    let env = TestEnv::new();
    let budi = env.add("Budi Santoso", &["--stage", "trusted", "--circle", "friend"]);
    let dewi =
        env.add("Dewi Lestari", &["--org", "OVO", "--tag", "fintech", "--stage", "stranger", "--circle", "colleague"]);
    env.ok(&["log", &budi, &dewi, "dinner at Budi's"]);
    for args in
        [vec!["who-knows", "ovo"], vec!["who-knows", "--tag", "FinTech"], vec!["who-knows", "--circle", "colleague"]]
    {
        let v = json(&env, &args);
        assert_eq!(v["inside"][0]["handle"], dewi.as_str(), "{args:?}");
        assert_eq!(v["routes"][0]["via"]["handle"], budi.as_str(), "{args:?}");
        assert_eq!(v["routes"][0]["knows"][0]["tie"]["evidence"][0]["via"], "talk", "{args:?}");
    }
    let (out, _) = env.ok(&["who-knows", "OVO"]);
    assert!(out.starts_with("Your routes into OVO\nPeople you know there:\n"), "{out}");
    assert!(out.contains(&format!("  1. Budi Santoso ({budi}) — you trust Budi 4/5")), "{out}");
    assert!(out.contains("     knows Dewi Lestari: a conversation you logged with both, on 2026-11-28"), "{out}");
    // No trust note yet: the level is the stage's, and the line says so, as `show` does.
    assert!(out.contains("(trust from the stage; no trust note yet)"), "{out}");
    env.ok(&["trust", &budi, "--level", "5", "--note", "Vouched for me"]);
    let (out, _) = env.ok(&["who-knows", "OVO"]);
    let budi_line = out.lines().find(|l| l.contains("you trust Budi")).unwrap_or_default();
    assert!(budi_line.contains("you trust Budi 5/5, warmth ") && !budi_line.contains("from the stage"), "{out}");
    let (out, _) = env.ok(&["--lang", "id", "who-knows", "--circle", "colleague"]);
    assert!(out.starts_with("Jalan Anda menuju lingkaran kolega\n"), "{out}");
    let (out, _) = env.ok(&["who-knows", "Gojek"]);
    assert!(out.starts_with("Nobody in your network is in Gojek yet."), "{out}");
    let err = env.fails(&["who-knows"], 2);
    assert!(err.contains("--tag") || err.contains("ORG"), "{err}");
}

#[test]
fn path_to_someone_you_only_know_of_goes_through_their_organisation() {
    let env = TestEnv::new();
    let budi = env.add("Budi Santoso", &["--stage", "trusted"]);
    let dewi = env.add("Dewi Lestari", &["--org", "OVO", "--stage", "stranger"]);
    env.ok(&["knows", &budi, &dewi]);
    // "Dewa" is nobody here, and is not taken for Dewi.
    let (out, _) = env.ok(&["path", "Dewa Putra"]);
    assert!(out.starts_with("Dewa Putra is not in your network. If you know where they work"), "{out}");
    let (out, _) = env.ok(&["path", "Dewa Putra", "--at", "ovo"]);
    assert!(
        out.starts_with("Dewa Putra is not in your network; here is who can take you to ovo.\nYour routes into ovo\n"),
        "{out}"
    );
    assert!(out.contains(&format!("  1. Budi Santoso ({budi})")), "{out}");
    let v = json(&env, &["path", "Dewa Putra", "--at", "OVO"]);
    assert_eq!(
        (v["in_network"].as_bool(), v["at"]["routes"][0]["via"]["handle"].as_str()),
        (Some(false), Some(budi.as_str()))
    );
    let (out, _) = env.ok(&["path", "Dewa Putra", "--at", "Gojek"]);
    assert!(out.contains("nobody in it works at Gojek yet"), "{out}");
    // Someone you know well needs no introduction, and it says so.
    let (out, _) = env.ok(&["path", &budi]);
    assert!(out.contains("you already know Budi Santoso well: no introduction needed"), "{out}");
}

#[test]
fn intro_ask_refuses_a_second_request_and_bad_dates_changing_nothing() {
    let env = TestEnv::new();
    let budi = env.add("Budi Santoso", &["--stage", "trusted"]);
    let dewi = env.add("Dewi Lestari", &[]);
    let v =
        json(&env, &["intro", "ask", &budi, "--to", &dewi, "--due", "2026-12-05", "--note", "for the payments work"]);
    assert_eq!((v["n"].as_u64(), v["due"].as_str(), v["status"].as_str()), (Some(1), Some("2026-12-05"), Some("open")));
    let before = env.snapshot();
    let err = env.fails(&["intro", "ask", &budi, "--to", &dewi], 1);
    assert!(one_error_line(&err).contains("you already asked for this introduction on 2026-11-28 (#1)"), "{err}");
    let err = env.fails(&["intro", "ask", &budi, "--to", &budi], 2);
    assert!(one_error_line(&err).contains("must be two people"), "{err}");
    let err = env.fails(&["intro", "ask", &dewi, "--to", &budi, "--due", "2026-11-01"], 1);
    assert!(one_error_line(&err).contains("is before the day you asked"), "{err}");
    let err = env.fails(&["intro", "dropped", &dewi, "--to", &budi], 1);
    assert!(one_error_line(&err).contains("no open request"), "{err}");
    before.assert_unchanged();
    let (out, _) = env.ok(&["intro"]);
    assert_eq!(out, "Introductions\n  #1  Budi Santoso → Dewi Lestari, asked 2026-11-28: waiting until 2026-12-05\n");
}

#[test]
fn a_dropped_request_closes_without_blame_and_leaves_the_lists() {
    let env = TestEnv::new();
    let budi = env.add("Budi Santoso", &["--stage", "trusted"]);
    let dewi = env.add("Dewi Lestari", &[]);
    env.ok(&["intro", "ask", &budi, "--to", &dewi, "--on", "2026-11-01"]);
    let (today, _) = env.ok(&["today"]);
    assert!(today.contains("ask Budi Santoso again, kindly"), "{today}");
    let (_, err) = env.ok(&["--lang", "id", "intro", "dropped", &budi, "--to", &dewi, "--note", "he left OVO"]);
    assert!(err.contains("Budi Santoso tidak bersalah"), "{err}");
    let (today, _) = env.ok(&["today"]);
    assert!(!today.contains("Budi"), "{today}");
    let v = json(&env, &["intro", "list", "--all"]);
    assert_eq!((v[0]["status"].as_str(), v[0]["note"].as_str()), (Some("dropped"), Some("he left OVO")));
    // Dropping is no mark against Budi: his trust notes are untouched.
    assert!(env.json().get("trust_notes").is_none());
}

#[test]
fn a_request_dropped_on_an_earlier_day_is_closed_on_that_day() {
    let env = TestEnv::new();
    let budi = env.add("Budi Santoso", &["--stage", "trusted"]);
    let dewi = env.add("Dewi Lestari", &[]);
    env.ok(&["intro", "ask", &budi, "--to", &dewi, "--on", "2026-11-01"]);
    // The day it ended may not be before it was asked, nor ahead: refused, unchanged.
    let before = env.snapshot();
    let err = env.fails(&["intro", "dropped", &budi, "--to", &dewi, "--on", "2026-10-30"], 1);
    assert_eq!(
        one_error_line(&err),
        "error: --on 2026-10-30 is before you asked for this introduction (#1, on 2026-11-01); give a later day"
    );
    let err = env.fails(&["--lang", "id", "intro", "dropped", &budi, "--to", &dewi, "--on", "2026-10-30"], 1);
    assert!(err.contains("galat: --on 2026-10-30 sebelum Anda meminta perkenalan ini (#1, pada 2026-11-01)"), "{err}");
    let err = env.fails(&["intro", "dropped", &budi, "--to", &dewi, "--on", "2026-12-05"], 1);
    assert!(one_error_line(&err).contains("--on"), "{err}");
    let err = env.fails(&["intro", "dropped", &budi, "--to", &dewi, "--on", "someday"], 1);
    assert!(one_error_line(&err).contains("--on"), "{err}");
    before.assert_unchanged();
    // Last Friday, in the words `intro done` takes.
    let (_, err) = env.ok(&["intro", "dropped", &budi, "--to", &dewi, "--on", "last friday"]);
    assert!(err.starts_with("Closed #1 on 2026-11-27: the introduction to Dewi Lestari will not happen"), "{err}");
    let v = json(&env, &["intro", "list", "--all"]);
    assert_eq!((v[0]["status"].as_str(), v[0]["resolved_on"].as_str()), (Some("dropped"), Some("2026-11-27")));
    let (out, _) = env.ok(&["intro", "list", "--all"]);
    assert!(out.contains("dropped 2026-11-27"), "{out}");
    // In Indonesian, with the Indonesian date words.
    let siti = env.add("Siti Rahma", &[]);
    env.ok(&["intro", "ask", &budi, "--to", &siti, "--on", "2026-11-10"]);
    let (_, err) = env.ok(&["--lang", "id", "intro", "dropped", &budi, "--to", &siti, "--on", "kemarin"]);
    assert!(err.starts_with("#2 ditutup pada 2026-11-27: perkenalan dengan Siti Rahma tidak terjadi"), "{err}");
}

#[test]
fn an_introduction_asked_for_is_not_made_before_it_was_asked() {
    let env = TestEnv::new();
    let budi = env.add("Budi Santoso", &["--stage", "trusted"]);
    let dewi = env.add("Dewi Lestari", &[]);
    env.ok(&["intro", "ask", &budi, "--to", &dewi, "--on", "2026-11-01"]);
    let before = env.snapshot();
    let err = env.fails(&["intro", "done", &budi, "--to", &dewi, "--on", "2026-10-30"], 1);
    assert_eq!(
        one_error_line(&err),
        "error: --on 2026-10-30 is before you asked for this introduction (#1, on 2026-11-01); give a later day"
    );
    before.assert_unchanged();
    let v = json(&env, &["intro", "done", &budi, "--to", &dewi, "--on", "2026-11-02"]);
    assert_eq!((v["intro"]["n"].as_u64(), v["intro"]["resolved_on"].as_str()), (Some(1), Some("2026-11-02")));
}

#[test]
fn intro_done_for_someone_new_sets_the_meeting_day_and_who_introduced_them() {
    let env = TestEnv::new();
    let budi = env.add("Budi Santoso", &["--stage", "trusted"]);
    let rina = env.add("Rina Wijaya", &["--stage", "stranger", "--met-on", ""]);
    let v = json(&env, &["intro", "done", &budi, "--to", &rina, "--on", "2026-11-26"]);
    assert_eq!(v["new"], true);
    let c = env.contact("Rina Wijaya");
    assert_eq!((c["met_on"].as_str(), c["met_at"].as_str()), (Some("2026-11-26"), Some("introduced by Budi Santoso")));
    let data = env.json();
    let talk = &data["interactions"][0];
    assert_eq!((talk["kind"].as_str(), talk["contacts"].as_array().unwrap().len()), (Some("intro"), 2));
    assert_eq!(data["intros"][0]["status"], "done", "an introduction nobody asked for is still recorded");
    let (select, _) = env.ok(&["select", "--no-input"]);
    assert!(
        select.contains("Budi Santoso (other) — introduced you to Rina Wijaya on 2026-11-26: thank them by 2026-12-03"),
        "{select}"
    );
    assert!(
        select.contains("Rina Wijaya (other) — Budi Santoso introduced you on 2026-11-26: follow up by 2026-12-03"),
        "{select}"
    );
}

#[test]
fn a_draft_is_in_the_user_s_language_with_the_goal_s_reason_and_a_blurb() {
    let env = TestEnv::new();
    let budi = env.add("Budi Santoso", &["--stage", "trusted"]);
    let dewi = env.add("Dewi Lestari", &["--org", "OVO", "--role", "Head of Partnerships", "--tag", "fintech"]);
    env.ok(&[
        "goal",
        "new",
        "--title",
        "Meet 5 people in fintech",
        "--metric",
        "new_contacts",
        "--tag",
        "fintech",
        "--target",
        "5",
        "--deadline",
        "2027-03-31",
        "--relevant",
        "I am moving into payments",
    ]);
    let (out, err) = env.ok(&["intro", "draft", &budi, "--to", &dewi]);
    assert!(out.starts_with("Hi Budi,\n\n"), "{out}");
    assert!(out.contains("I'd like to meet Dewi Lestari (Head of Partnerships at OVO). The reason: I'm working on \"Meet 5 people in fintech\": I am moving into payments."), "{out}");
    assert!(out.contains("no problem at all; just say so."), "an easy out: {out}");
    assert!(out.contains("I wondered whether you know each other"), "nothing says they do yet: {out}");
    assert!(out.contains("--- for Budi to forward ---\n[one line about you"), "{out}");
    assert!(err.contains("--about-me"), "{err}");
    let (out, err) = env.ok(&[
        "--lang",
        "id",
        "intro",
        "draft",
        &budi,
        "--to",
        &dewi,
        "--why",
        "belajar soal pembayaran",
        "--about-me",
        "Ayu, PM di Gojek.",
    ]);
    assert!(out.starts_with("Halo Budi,\n\n"), "{out}");
    assert!(out.contains("Alasannya: belajar soal pembayaran."), "{out}");
    assert!(out.contains("Ayu, PM di Gojek. Saya ingin berkenalan dengan Dewi — belajar soal pembayaran."), "{out}");
    assert!(!err.contains("--about-me"), "{err}");
    env.ok(&["knows", &budi, &dewi]);
    let v = json(&env, &["intro", "draft", &budi, "--to", &dewi]);
    assert_eq!(v["why_from"], "goal");
    assert!(v["message"].as_str().unwrap().contains("I understand you know each other"), "{v}");
    assert!(v["blurb"].as_str().unwrap().starts_with("Ayu, PM di Gojek. I'd like to meet Dewi"), "remembered: {v}");
}

#[test]
fn a_goal_behind_gets_an_introduction_pick_in_the_widen_place() {
    let env = TestEnv::new();
    let budi = env.add("Budi Santoso", &["--stage", "trusted", "--circle", "colleague"]);
    let dewi = env.add("Dewi Lestari", &["--org", "OVO", "--tag", "fintech", "--stage", "stranger", "--met-on", ""]);
    let set = |args: &[&str]| env.cmd().env("JEJARING_NOW", "2026-10-01").args(args).assert().success();
    set(&["log", &budi, &dewi, "lunch", "--on", "2026-09-20"]);
    set(&[
        "goal",
        "new",
        "--title",
        "Meet 5 people in fintech",
        "--metric",
        "new_contacts",
        "--tag",
        "fintech",
        "--target",
        "5",
        "--deadline",
        "2026-12-31",
    ]);
    for i in 0..4 {
        env.add(&format!("Friend {i}"), &["--stage", "trusted", "--circle", "friend", "--every", "2w", "--met-on", ""]);
    }
    let v = json(&env, &["select", "--count", "3"]);
    let picks = v["picks"].as_array().unwrap();
    let ask = picks.iter().find(|p| p["reason"]["reason"] == "intro").unwrap_or_else(|| panic!("{v}"));
    assert_eq!((ask["contact"].clone(), ask["reason"]["intro"].as_str()), (id_of(&env, &budi), Some("ask")));
    assert_eq!(ask["reason"]["to"], id_of(&env, &dewi));
    let (out, _) = env.ok(&["select", "--count", "3", "--no-input"]);
    assert!(out.contains("Budi Santoso (colleague) — ask them to introduce you to Dewi Lestari at OVO for your goal \"Meet 5 people in fintech\" — they met once, on 2026-09-20"), "{out}");
    // Asked: the pick gives way to waiting.
    env.ok(&["intro", "ask", &budi, "--to", &dewi]);
    let (out, _) = env.ok(&["select", "--count", "3", "--no-input"]);
    assert!(!out.contains("ask them to introduce you"), "{out}");
    assert!(out.contains("Introductions asked for\n  waiting on Budi Santoso's introduction to Dewi Lestari"), "{out}");
}

#[test]
fn links_and_requests_follow_a_merge_go_with_a_removal_and_are_in_export_json() {
    let env = TestEnv::new();
    let budi = env.add("Budi Santoso", &["--email", "budi@example.com"]);
    let budi2 = env.add("Budi S.", &["--email", "b.s@example.com"]);
    let dewi = env.add("Dewi Lestari", &[]);
    env.ok(&["knows", &budi2, &dewi]);
    env.ok(&["intro", "ask", &budi2, "--to", &dewi]);
    let (out, _) = env.ok(&["export", "json"]);
    let exported: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(exported["links"].as_array().unwrap().len(), 1);
    env.ok(&["merge", &budi, &budi2, "--yes"]);
    let data = env.json();
    assert_eq!(data["links"][0]["a"], id_of(&env, &budi));
    assert_eq!(data["intros"][0]["via"], id_of(&env, &budi));
    env.ok(&["remove", &dewi, "--yes"]);
    let data = env.json();
    assert!(data.get("links").is_none() && data.get("intros").is_none(), "{data}");
}

#[test]
fn path_to_someone_you_know_well_says_so_and_suggests_no_route() {
    let env = TestEnv::new();
    let dewi = env.add("Dewi Lestari", &["--stage", "trusted", "--org", "OVO"]);
    let (out, _) = env.ok(&["path", &dewi]);
    assert!(out.contains("you already know Dewi Lestari well: no introduction needed"), "{out}");
    assert!(!out.contains("To make a route"), "{out}");
    // Someone barely known, with no route: how to make one.
    let eko = env.add("Eko Prasetyo", &["--stage", "stranger", "--org", "Gojek"]);
    let (out, _) = env.ok(&["path", &eko]);
    assert!(out.contains("To make a route"), "{out}");
    assert!(!out.contains("no introduction needed"), "{out}");
}
