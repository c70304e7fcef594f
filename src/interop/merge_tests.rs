//! Deciding whether an incoming record is someone already known, case by case.

use super::*;
use crate::interop::At;
use chrono::TimeZone;

fn defaults() -> Defaults {
    Defaults { circle: None, stage: None, fallback_circle: Circle::Other, tags: vec![] }
}

fn rec(name: &str) -> Record {
    Record { at: At::Line(2), name: name.into(), ..Record::default() }
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap()
}

#[test]
fn the_same_record_twice_is_added_once() {
    let mut net = Network::default();
    let mut m = Merger::new(&mut net, now(), now().date_naive());
    let mut r = rec("Budi Santoso");
    r.emails.push("budi@example.com".into());
    assert!(matches!(m.merge(r.clone(), &defaults()), Outcome::Added(0)));
    assert_eq!(m.merge(r, &defaults()), Outcome::Unchanged(0));
    assert_eq!(net.contacts.len(), 1);
}

#[test]
fn a_switchboard_or_info_address_makes_nobody_one_person() {
    let people = ["Ani Wijaya", "Bayu Pratama", "Citra Lestari", "Dedi Kurniawan"];
    let records: Vec<Record> = people
        .iter()
        .map(|name| {
            let mut r = rec(name);
            r.phones.push("+62 21 555 1234".into());
            r.emails.push("info@acme.example".into());
            r
        })
        .collect();
    let mut net = Network::default();
    for round in 0..2 {
        let mut m = Merger::new(&mut net, now(), now().date_naive());
        m.expect(&records);
        for r in &records {
            let outcome = m.merge(r.clone(), &defaults());
            assert_eq!(matches!(outcome, Outcome::Added(_)), round == 0, "{outcome:?}");
        }
    }
    assert_eq!(net.contacts.len(), 4, "four people, added once, found again on the second import");
    // A fifth colleague on the same line, in a later file alone: four contacts fit,
    // none is clearly her, so she is somebody new.
    let m = Merger::new(&mut net, now(), now().date_naive());
    let mut eka = rec("Eka Saputra");
    eka.phones.push("+62-21-555-1234".into());
    eka.role = Some("Finance".into());
    assert_eq!(m.find(&eka), None);
}

#[test]
fn a_family_landline_in_one_file_keeps_two_people() {
    let records: Vec<Record> = ["Rina Hartono", "Rudi Hartono"]
        .iter()
        .map(|name| {
            let mut r = rec(name);
            r.phones.push("+62 22 700 8000".into());
            r
        })
        .collect();
    let mut net = Network::default();
    let mut m = Merger::new(&mut net, now(), now().date_naive());
    m.expect(&records);
    for r in &records {
        assert!(matches!(m.merge(r.clone(), &defaults()), Outcome::Added(_)));
    }
    // Later, one of them alone, by the landline: both fit, one has the name.
    let m = Merger::new(&mut net, now(), now().date_naive());
    let mut rudi = rec("Rudi Hartono");
    rudi.phones.push("+62-22-700-8000".into());
    rudi.org = Some("ITB".into());
    assert_eq!(m.find(&rudi), Some(1));
    let mut r = rec("R. Hartono");
    r.phones.push("+62 22 7008000".into());
    r.emails.push("r.hartono@example.com".into());
    assert_eq!(m.find(&r), None, "the landline does not say which of them gets the email");
}

#[test]
fn a_record_goes_to_the_one_contact_its_identifiers_together_single_out() {
    // Two namesakes share a family address; each has an address and a phone of
    // their own (a vCard export of both). A Google CSV row of the first, with a
    // note the contact lacks, fits both by the family address, but its other
    // address and its phone are only the first's.
    let mut net = Network::default();
    for (own, phone) in [("budi.a@example.com", "+62 811 0000 0001"), ("budi.b@example.com", "+62 811 0000 0002")] {
        let mut c = Contact::new(Uuid::now_v7(), own[..6].into(), "Budi Santoso".into(), now());
        c.emails = vec!["keluarga@example.com".into(), own.into()];
        c.phones.push(phone.into());
        net.contacts.push(c);
    }
    let mut m = Merger::new(&mut net, now(), now().date_naive());
    let mut row = rec("Budi Santoso");
    row.emails = vec!["keluarga@example.com".into(), "budi.b@example.com".into()];
    row.phones.push("+62 811-0000-0002".into());
    row.note = Some("from Google".into());
    assert_eq!(m.merge(row, &defaults()), Outcome::Updated(1, vec!["note"]));
    let mut family_only = rec("Budi Santoso");
    family_only.emails.push("keluarga@example.com".into());
    family_only.role = Some("Parent".into());
    assert_eq!(m.find(&family_only), None, "the family address alone singles out no one");
    assert_eq!(net.contacts.len(), 2);
    // The read-only finder that sync uses decides the same.
    let finder = Finder::new(&net);
    let mut again = rec("Budi Santoso");
    again.emails = vec!["keluarga@example.com".into(), "budi.a@example.com".into()];
    again.role = Some("Engineer".into());
    assert_eq!(finder.find(&again), Some(0));
}

#[test]
fn matches_by_uid_email_linkedin_or_phone_never_by_name() {
    let mut net = Network::default();
    let mut m = Merger::new(&mut net, now(), now().date_naive());
    let mut a = rec("Budi");
    a.uids.push("ABC-1".into());
    a.emails.push("budi@x.example".into());
    a.linkedin = Some("https://www.linkedin.com/in/budi".into());
    a.phones.push("+62 812 1111 2222".into());
    a.org = Some("Tokopedia".into());
    m.merge(a, &defaults());
    let mut by_uid = rec("Someone Else");
    by_uid.uids.push("abc-1".into());
    let mut by_email = rec("B. Santoso");
    by_email.emails.push("budi@x.example".into());
    let mut by_linkedin = rec("Budi S");
    by_linkedin.linkedin = Some("https://www.linkedin.com/in/budi".into());
    let mut by_phone = rec("Pak Budi");
    by_phone.phones.push("0062-812-1111-2222".into());
    by_phone.phones.push("+62 812 1111 2222".into());
    for r in [by_uid, by_email, by_linkedin, by_phone] {
        assert_eq!(m.find(&r), Some(0), "{r:?}");
    }
    let mut by_name = rec("BUDI");
    by_name.org = Some("tokopedia".into());
    assert_eq!(m.find(&by_name), None, "a name and organisation is only a suggestion");
    let mut other_uid = rec("Budi");
    other_uid.uids.push("XYZ-9".into());
    other_uid.emails.push("budi@x.example".into());
    assert_eq!(m.find(&other_uid), None, "another UID is another person, even with the same email");
}

#[test]
fn namesakes_with_different_uids_or_profiles_stay_two() {
    let mut net = Network::default();
    let mut m = Merger::new(&mut net, now(), now().date_naive());
    let mut a = rec("Budi");
    a.uids.push("aaaa-1".into());
    a.phones.push("+62 811 0000 0001".into());
    let mut b = rec("Budi");
    b.uids.push("bbbb-2".into());
    b.phones.push("+62 811 0000 0002".into());
    assert!(matches!(m.merge(a.clone(), &defaults()), Outcome::Added(0)));
    assert!(matches!(m.merge(b.clone(), &defaults()), Outcome::Added(1)));
    assert_eq!(m.merge(a, &defaults()), Outcome::Unchanged(0));
    assert_eq!(m.merge(b, &defaults()), Outcome::Unchanged(1));
    let rahul = |url: &str| {
        let mut r = rec("Rahul Sharma");
        r.org = Some("Tata Consultancy Services".into());
        r.linkedin = Some(url.into());
        r
    };
    assert!(matches!(m.merge(rahul("https://www.linkedin.com/in/rahul-1"), &defaults()), Outcome::Added(2)));
    assert!(matches!(m.merge(rahul("https://www.linkedin.com/in/rahul-2"), &defaults()), Outcome::Added(3)));
    assert_eq!(net.contacts[0].source_ids, ["aaaa-1"]);
    assert_eq!(net.contacts[1].source_ids, ["bbbb-2"]);
}

#[test]
fn a_record_with_no_identifier_is_a_contact_only_when_it_repeats_them() {
    let mut net = Network::default();
    let mut m = Merger::new(&mut net, now(), now().date_naive());
    let mut ana = rec("Ana");
    ana.org = Some("Gojek".into());
    assert!(matches!(m.merge(ana.clone(), &defaults()), Outcome::Added(0)));
    assert_eq!(m.merge(ana.clone(), &defaults()), Outcome::Unchanged(0), "an exact repeat is the same record");
    assert_eq!(m.merge(rec("ANA"), &defaults()), Outcome::Unchanged(0), "saying less is no new person");
    let mut elsewhere = ana.clone();
    elsewhere.org = Some("Tokopedia".into());
    assert!(matches!(m.merge(elsewhere, &defaults()), Outcome::Added(1)), "a different value is a namesake");
    let mut phoned = rec("Siti");
    phoned.phones.push("+62 812 5555 6666".into());
    m.merge(phoned, &defaults());
    assert!(
        matches!(m.merge(rec("Siti"), &defaults()), Outcome::Added(3)),
        "a contact with a phone is not a bare name"
    );
}

#[test]
fn merging_adds_but_never_overwrites() {
    let mut net = Network::default();
    let mut c = Contact::new(Uuid::now_v7(), "abcd".into(), "Siti".into(), now());
    c.org = Some("Bank Mandiri".into());
    c.note = Some("my own words".into());
    c.circle = Circle::Friend;
    c.phones.push("+62 812 1111 2222".into());
    net.contacts.push(c);
    let mut m = Merger::new(&mut net, now(), now().date_naive());
    let mut r = rec("Siti");
    r.org = Some("Bank Mandiri".into());
    r.note = Some("imported words".into());
    r.role = Some("Analyst".into());
    r.circle = Some(Circle::Colleague);
    r.phones = vec!["+628121111-2222".into(), "0813 0000".into()];
    let out = m.merge(r, &defaults());
    assert_eq!(out, Outcome::Updated(0, vec!["role", "phones"]));
    let c = &net.contacts[0];
    assert_eq!(c.note.as_deref(), Some("my own words"));
    assert_eq!(c.circle, Circle::Friend);
    assert_eq!(c.phones.len(), 2);
}

#[test]
fn flags_win_for_new_contacts_and_tags_apply_to_all() {
    let mut net = Network::default();
    let d = Defaults {
        circle: Some(Circle::Colleague),
        stage: None,
        fallback_circle: Circle::Other,
        tags: vec!["linkedin".into()],
    };
    let mut m = Merger::new(&mut net, now(), now().date_naive());
    let mut r = rec("Maria");
    r.circle = Some(Circle::Friend);
    r.stage = Some(Stage::Trusted);
    m.merge(r, &d);
    let c = &net.contacts[0];
    assert_eq!(c.circle, Circle::Colleague);
    assert_eq!(c.stage, Stage::Trusted);
    assert_eq!(c.tags, ["linkedin"]);
}

#[test]
fn a_card_trust_level_becomes_a_note_once() {
    let mut net = Network::default();
    let mut c = Contact::new(Uuid::now_v7(), "abcd".into(), "Wei Chen".into(), now());
    c.emails.push("wei@example.com".into());
    let wei = c.id;
    net.contacts.push(c);
    let mut m = Merger::new(&mut net, now(), now().date_naive());
    let mut r = rec("Wei Chen");
    r.emails.push("wei@example.com".into());
    r.trust = Some(4);
    assert_eq!(m.merge(r.clone(), &defaults()), Outcome::Updated(0, vec!["trust"]));
    assert_eq!(m.merge(r.clone(), &defaults()), Outcome::Unchanged(0), "the same level again changes nothing");
    r.trust = Some(3);
    assert_eq!(m.merge(r, &defaults()), Outcome::Unchanged(0), "a level already set is the user's and stays");
    let mut new = rec("Maria");
    new.trust = Some(5);
    assert!(matches!(m.merge(new, &defaults()), Outcome::Added(1)));
    let notes = crate::model::trust::notes_for(&net.trust_notes, &wei);
    assert_eq!(notes.iter().map(|n| n.level).collect::<Vec<_>>(), [Some(4)]);
    assert_eq!(notes[0].note.as_deref(), Some(IMPORTED_TRUST_NOTE));
    assert_eq!(net.trust_notes.len(), 2);
    // A network that already has the level from a note of its own is left alone.
    let mut again = Merger::new(&mut net, now(), now().date_naive());
    let mut r = rec("Wei Chen");
    r.emails.push("wei@example.com".into());
    r.trust = Some(3);
    assert_eq!(again.merge(r, &defaults()), Outcome::Unchanged(0));
}
