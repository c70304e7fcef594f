//! The three-way merge without a server.

use super::*;

fn day() -> NaiveDate {
    "2026-11-28".parse().unwrap()
}

fn card(name: &str) -> Fields {
    Fields { name: name.into(), circle: Some("friend".into()), stage: Some("connection".into()), ..Fields::default() }
}

fn merge(base: Option<&Fields>, local: &Fields, remote: &Fields) -> Merged {
    three_way(base, local, remote, None, day(), Lang::En)
}

#[test]
fn nothing_changed_is_nothing() {
    let base = Fields { phones: vec!["+62 812 1111 2222".into()], ..card("Ayu") };
    let m = merge(Some(&base), &base, &base);
    assert_eq!(m.fields, base);
    assert!(m.conflicts.is_empty());
}

#[test]
fn a_field_changed_on_one_side_takes_that_side() {
    let base = Fields { org: Some("Bank".into()), role: Some("Analyst".into()), ..card("Ayu") };
    let local = Fields { role: Some("Lead".into()), ..base.clone() };
    let remote = Fields { org: Some("Gojek".into()), ..base.clone() };
    let m = merge(Some(&base), &local, &remote);
    assert_eq!(m.fields.org.as_deref(), Some("Gojek"));
    assert_eq!(m.fields.role.as_deref(), Some("Lead"));
    assert!(m.conflicts.is_empty());
    assert_eq!(m.fields.note, None);
}

#[test]
fn a_value_cleared_on_one_side_is_cleared() {
    let base = Fields { org: Some("Bank".into()), ..card("Ayu") };
    let remote = Fields { org: None, ..base.clone() };
    let m = merge(Some(&base), &base, &remote);
    assert_eq!(m.fields.org, None);
    assert!(m.conflicts.is_empty());
}

#[test]
fn the_same_field_changed_on_both_sides_keeps_both() {
    let base = Fields { org: Some("Bank".into()), ..card("Ayu") };
    let local = Fields { org: Some("Tokopedia".into()), ..base.clone() };
    let remote = Fields { org: Some("Gojek".into()), ..base.clone() };
    let m = merge(Some(&base), &local, &remote);
    assert_eq!(m.fields.org.as_deref(), Some("Gojek"), "the phone's value for a phone field");
    let note = m.fields.note.unwrap();
    assert!(note.contains("organisation: Tokopedia"), "{note}");
    assert!(note.contains("2026-11-28"), "{note}");
    assert_eq!(m.conflicts, vec![Conflict { field: Field::Org, kept: "Gojek".into(), other: "Tokopedia".into() }]);
}

#[test]
fn jejaring_keeps_its_own_circle_on_a_conflict() {
    let base = card("Ayu");
    let local = Fields { circle: Some("colleague".into()), ..base.clone() };
    let remote = Fields { circle: Some("family".into()), ..base.clone() };
    let m = merge(Some(&base), &local, &remote);
    assert_eq!(m.fields.circle.as_deref(), Some("colleague"));
    assert_eq!(m.conflicts.len(), 1);
    assert!(m.fields.note.unwrap().contains("circle: family"));
}

#[test]
fn a_phone_changed_on_both_sides_keeps_the_other_as_a_second_phone() {
    let base = Fields { phones: vec!["+62 811 0000 0001".into()], ..card("Ayu") };
    let local = Fields { phones: vec!["+62 811 0000 0002".into()], ..base.clone() };
    let remote = Fields { phones: vec!["+62 811 0000 0003".into()], ..base.clone() };
    let m = merge(Some(&base), &local, &remote);
    assert_eq!(m.fields.phones, vec!["+62 811 0000 0003".to_string(), "+62 811 0000 0002".to_string()]);
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(m.conflicts[0].field, Field::Phones);
}

#[test]
fn lists_merge_value_by_value() {
    let base = Fields { emails: vec!["a@x.id".into(), "b@x.id".into()], ..card("Ayu") };
    // jejaring removed b and added c; the phone added d.
    let local = Fields { emails: vec!["a@x.id".into(), "c@x.id".into()], ..base.clone() };
    let remote = Fields { emails: vec!["a@x.id".into(), "B@X.ID".into(), "d@x.id".into()], ..base.clone() };
    let m = merge(Some(&base), &local, &remote);
    assert_eq!(m.fields.emails, vec!["a@x.id", "d@x.id", "c@x.id"]);
}

#[test]
fn never_synced_pairs_fill_gaps_without_conflicts() {
    let local = Fields { org: Some("Bank".into()), emails: vec!["a@x.id".into()], ..card("Ayu") };
    let remote = Fields { role: Some("Analyst".into()), emails: vec!["b@x.id".into()], ..card("Ayu") };
    let m = merge(None, &local, &remote);
    assert_eq!(m.fields.org.as_deref(), Some("Bank"));
    assert_eq!(m.fields.role.as_deref(), Some("Analyst"));
    assert_eq!(m.fields.emails, vec!["b@x.id", "a@x.id"]);
    assert!(m.conflicts.is_empty());
}

#[test]
fn a_first_link_is_no_conflict_and_writes_no_note() {
    // Linked by email, never synced together: spelled differently on the two sides.
    let local = Fields {
        org: Some("Bank Mandiri".into()),
        circle: Some("colleague".into()),
        note: Some("met at the fintech meetup".into()),
        emails: vec!["ayu@x.id".into()],
        ..card("Ayu Lestari")
    };
    let remote = Fields {
        org: Some("Mandiri".into()),
        circle: Some("family".into()),
        note: Some("from the mail app".into()),
        emails: vec!["AYU@x.id".into()],
        ..card("Ayu Lestary")
    };
    for newer in [None, Some(Winner::Jejaring), Some(Winner::Phone)] {
        let m = three_way(None, &local, &remote, newer, day(), Lang::En);
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        assert_eq!(m.fields.name, "Ayu Lestary", "the phone's spelling");
        assert_eq!(m.fields.org.as_deref(), Some("Mandiri"));
        assert_eq!(m.fields.circle.as_deref(), Some("colleague"), "jejaring's own field");
        assert_eq!(m.fields.emails, vec!["AYU@x.id"]);
        assert_eq!(m.fields.note.as_deref(), Some("from the mail app\n\nmet at the fintech meetup"));
    }
    // The same note on both sides, or ours already in the phone's, is not doubled.
    let remote = Fields { note: Some("met at the fintech meetup (Jakarta)".into()), ..remote };
    let m = merge(None, &local, &remote);
    assert_eq!(m.fields.note.as_deref(), Some("met at the fintech meetup (Jakarta)"));
}

#[test]
fn notes_changed_on_both_sides_keep_both_texts() {
    let base = Fields { note: Some("old".into()), ..card("Ayu") };
    let local = Fields { note: Some("mine".into()), ..base.clone() };
    let remote = Fields { note: Some("theirs".into()), ..base.clone() };
    let m = merge(Some(&base), &local, &remote);
    let note = m.fields.note.unwrap();
    assert!(note.starts_with("theirs"), "{note}");
    assert!(note.contains("mine"), "{note}");
    assert_eq!(m.conflicts.len(), 1);
}

#[test]
fn indonesian_note_lines() {
    let base = Fields { org: Some("Bank".into()), ..card("Ayu") };
    let local = Fields { org: Some("A".into()), ..base.clone() };
    let remote = Fields { org: Some("B".into()), ..base.clone() };
    let m = three_way(Some(&base), &local, &remote, None, day(), Lang::Id);
    assert!(m.fields.note.unwrap().contains("organisasi: A"));
}

#[test]
fn the_newer_change_wins_a_single_value_and_the_other_goes_to_the_note() {
    let base = Fields { org: Some("Bank".into()), ..card("Ayu") };
    let local = Fields { org: Some("Gojek".into()), ..base.clone() };
    let remote = Fields { org: Some("Tokopedia".into()), ..base.clone() };
    let here = three_way(Some(&base), &local, &remote, Some(Winner::Jejaring), day(), Lang::En);
    assert_eq!(here.fields.org.as_deref(), Some("Gojek"));
    assert!(here.fields.note.as_deref().unwrap_or_default().contains("organisation: Tokopedia"));
    let phone = three_way(Some(&base), &local, &remote, Some(Winner::Phone), day(), Lang::En);
    assert_eq!(phone.fields.org.as_deref(), Some("Tokopedia"));
    // Newer by time; unknown when either side has none.
    let t = |s: &str| Some(s.parse::<DateTime<Utc>>().unwrap());
    assert_eq!(newer(t("2026-11-30T10:00:00Z"), t("2026-11-30T09:00:00Z")), Some(Winner::Jejaring));
    assert_eq!(newer(t("2026-11-30T08:00:00Z"), t("2026-11-30T09:00:00Z")), Some(Winner::Phone));
    assert_eq!(newer(None, t("2026-11-30T09:00:00Z")), None);
}
