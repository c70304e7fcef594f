//! Cards on the server and the fields they carry: reading a card (through the vCard
//! importer, so a synced card passes the same checks as an imported one) and writing
//! one through calcard. An update starts from the server's own card and changes only
//! the properties jejaring manages, so a photo, a ringtone or a label the phone set
//! stays; values that did not change keep their parameters (`TYPE=cell`).

use super::fields::Fields;
use crate::interop::{Draft, Record, vcard};
use crate::model::contact::Birthday;
use calcard::vcard::{VCard, VCardEntry, VCardParameter, VCardProperty, VCardType, VCardValue, VCardVersion};

/// A card as read from the server: its UID and fields (None when unreadable).
#[derive(Clone, Debug)]
pub struct Card {
    pub uid: Option<String>,
    pub record: Record,
}

/// Reads one card. None when it is not a readable vCard for a person (a group card,
/// a card with no name): such cards are left alone on the server.
pub fn read(text: &str) -> Option<Card> {
    let parsed = vcard::parse(text.as_bytes()).ok()?;
    let record = parsed.records.into_iter().next()?;
    let uid = VCard::parse(text).ok().and_then(|c| c.uid().map(str::to_string));
    Some(Card { uid, record })
}

/// The UID a contact's new card gets: derived from its id, so a card pushed by a sync
/// that was killed before it could save is recognised by the next one.
pub fn uid_for(contact: &uuid::Uuid) -> String {
    format!("urn:uuid:{contact}")
}

/// The file name of a contact's new card in the address book.
pub fn file_for(contact: &uuid::Uuid) -> String {
    format!("jejaring-{contact}.vcf")
}

fn text(name: VCardProperty, value: &str) -> VCardEntry {
    VCardEntry::new(name).with_value(value.to_string())
}

fn x(name: &str, value: &str) -> VCardEntry {
    text(VCardProperty::Other(name.to_string()), value)
}

fn texts(e: &VCardEntry) -> Vec<String> {
    e.values
        .iter()
        .filter_map(|v| match v {
            VCardValue::Text(s) => Some(s.clone()),
            VCardValue::Component(parts) => Some(parts.join(",")),
            _ => None,
        })
        .collect()
}

fn is_x(e: &VCardEntry, name: &str) -> bool {
    matches!(&e.name, VCardProperty::Other(x) if x.eq_ignore_ascii_case(name))
}

/// The list field a property feeds, and its value as jejaring stores it.
fn list_value(e: &VCardEntry) -> Option<(&'static str, String)> {
    let mut d = Draft::new(crate::interop::At::Unknown);
    let first = texts(e).into_iter().next().unwrap_or_default();
    let field = match &e.name {
        VCardProperty::Email => {
            d.email(&first);
            "emails"
        }
        VCardProperty::Tel => {
            let fax =
                e.params.iter().any(|p| matches!(&p.value, calcard::vcard::VCardParameterValue::Type(VCardType::Fax)));
            if fax {
                d.fax(&first)
            } else {
                d.phone(&first)
            }
            "phones"
        }
        VCardProperty::Adr => {
            let parts = texts(e);
            d.address(&parts.iter().map(String::as_str).collect::<Vec<_>>());
            "addresses"
        }
        VCardProperty::Url => {
            d.url(&first);
            "urls"
        }
        _ => return None,
    };
    let r = d.rec;
    let v = r.emails.into_iter().chain(r.phones).chain(r.addresses).chain(r.linkedin).chain(r.urls).next()?;
    Some((field, v))
}

fn list_of<'a>(f: &'a Fields, field: &str) -> &'a [String] {
    match field {
        "emails" => &f.emails,
        "phones" => &f.phones,
        "addresses" => &f.addresses,
        _ => &f.urls,
    }
}

/// Writes the card for `fields`: a new one with `uid`, or the server's `existing`
/// card with jejaring's properties brought up to date.
pub fn write(existing: Option<&str>, uid: &str, f: &Fields) -> String {
    let parsed = existing.and_then(|t| VCard::parse(t).ok());
    let version = match parsed.as_ref().and_then(VCard::version) {
        Some(VCardVersion::V4_0) => VCardVersion::V4_0,
        _ => VCardVersion::V3_0,
    };
    let before = existing.and_then(read).map(|c| Fields::from_record(&c.record)).unwrap_or_default();
    let mut card = parsed.unwrap_or(VCard { entries: Vec::new() });
    if card.uid().is_none() {
        card.entries.push(text(VCardProperty::Uid, uid));
    }
    // Single values: kept as they are when unchanged, else replaced.
    if before.name != f.name {
        card.entries.retain(|e| !matches!(e.name, VCardProperty::Fn | VCardProperty::N));
        card.entries.push(text(VCardProperty::Fn, &f.name));
        // vCard 3.0 requires N; splitting at the last word is only a guess.
        let (given, family) = match f.name.rsplit_once(' ') {
            Some((g, fam)) => (g.trim(), fam),
            None => (f.name.as_str(), ""),
        };
        card.entries.push(
            VCardEntry::new(VCardProperty::N)
                .with_values([family, given, "", "", ""].iter().map(|s| VCardValue::Text(s.to_string())).collect()),
        );
    }
    let mut single = |changed: bool, is: &dyn Fn(&VCardEntry) -> bool, new: Option<VCardEntry>| {
        if changed {
            card.entries.retain(|e| !is(e));
            card.entries.extend(new);
        }
    };
    single(
        before.org != f.org,
        &|e| e.name == VCardProperty::Org,
        f.org.as_deref().map(|v| text(VCardProperty::Org, v)),
    );
    single(
        before.role != f.role,
        &|e| matches!(e.name, VCardProperty::Title | VCardProperty::Role),
        f.role.as_deref().map(|v| text(VCardProperty::Title, v)),
    );
    single(
        before.birthday != f.birthday,
        &|e| e.name == VCardProperty::Bday,
        f.birthday.as_deref().and_then(|b| b.parse::<Birthday>().ok()).map(|b| {
            let value = match (b.year, version) {
                (None, _) => format!("--{:02}{:02}", b.month, b.day),
                (Some(y), VCardVersion::V4_0) => format!("{y:04}{:02}{:02}", b.month, b.day),
                (Some(y), _) => format!("{y:04}-{:02}-{:02}", b.month, b.day),
            };
            text(VCardProperty::Bday, &value)
        }),
    );
    single(
        before.note != f.note,
        &|e| e.name == VCardProperty::Note,
        f.note.as_deref().map(|v| text(VCardProperty::Note, v)),
    );
    for (name, value) in
        [("X-JEJARING-CIRCLE", &f.circle), ("X-JEJARING-STAGE", &f.stage), ("X-JEJARING-CADENCE", &f.cadence)]
    {
        single(
            true,
            &|e| is_x(e, name) || (name == "X-JEJARING-CADENCE" && is_x(e, "X-JEJARING-EVERY")),
            value.as_deref().map(|v| x(name, v)),
        );
    }
    // Lists: a value still wanted keeps its entry; others go; new ones are added.
    let mut seen: Vec<(&'static str, String)> = Vec::new();
    card.entries.retain(|e| match list_value(e) {
        Some((field, v)) => {
            let key = |s: &str| list_key(field, s);
            let wanted = list_of(f, field).iter().any(|w| key(w) == key(&v));
            let first = !seen.iter().any(|(sf, sv)| *sf == field && key(sv) == key(&v));
            if wanted && first {
                seen.push((field, v));
            }
            wanted && first
        }
        // A URL jejaring cannot read stays, as do all other properties.
        None => true,
    });
    for field in ["emails", "phones", "addresses", "urls"] {
        for v in list_of(f, field) {
            if seen.iter().any(|(sf, sv)| *sf == field && list_key(field, sv) == list_key(field, v)) {
                continue;
            }
            card.entries.push(new_list_entry(field, v, version));
        }
    }
    let mut out = String::new();
    let _ = card.write_to(&mut out, version);
    out
}

fn list_key(field: &str, v: &str) -> String {
    match field {
        "emails" => v.trim().to_lowercase(),
        "phones" => crate::model::phone::key(v),
        _ => v.trim().to_string(),
    }
}

fn new_list_entry(field: &str, v: &str, version: VCardVersion) -> VCardEntry {
    match field {
        "emails" => {
            let mut e = text(VCardProperty::Email, v);
            if version != VCardVersion::V4_0 {
                e.add_param(VCardParameter::typ("INTERNET".to_string()));
            }
            e
        }
        "phones" => match v.strip_suffix(crate::model::phone::FAX) {
            Some(number) => {
                let mut e = text(VCardProperty::Tel, number);
                e.add_param(VCardParameter::typ(VCardType::Fax));
                e
            }
            None => text(VCardProperty::Tel, v),
        },
        "addresses" => VCardEntry::new(VCardProperty::Adr)
            .with_values(["", "", v, "", "", "", ""].iter().map(|s| VCardValue::Text(s.to_string())).collect()),
        _ => text(VCardProperty::Url, v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> Fields {
        Fields {
            name: "Ayu Lestari".into(),
            org: Some("Gojek".into()),
            emails: vec!["ayu@example.id".into()],
            phones: vec!["+62 812 1111 2222".into()],
            birthday: Some("--03-15".into()),
            circle: Some("friend".into()),
            stage: Some("connection".into()),
            cadence: Some("30d".into()),
            ..Fields::default()
        }
    }

    #[test]
    fn a_new_card_reads_back_as_the_same_fields() {
        let f = fields();
        let text = write(None, "urn:uuid:x", &f);
        assert!(text.contains("UID:urn:uuid:x"), "{text}");
        assert!(text.contains("X-JEJARING-CADENCE:30d"), "{text}");
        let back = read(&text).unwrap();
        assert_eq!(Fields::from_record(&back.record), f);
        assert_eq!(back.uid.as_deref(), Some("urn:uuid:x"));
    }

    #[test]
    fn an_update_keeps_what_the_phone_set() {
        let phone = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:abc\r\nFN:Ayu Lestari\r\nN:Lestari;Ayu;;;\r\nTEL;TYPE=CELL:+62 812 1111 2222\r\nTEL;TYPE=WORK:+62 21 555 0000\r\nPHOTO;VALUE=URI:http://example.com/a.jpg\r\nX-ABLABEL:mine\r\nEND:VCARD\r\n";
        let mut f = Fields::from_record(&read(phone).unwrap().record);
        f.phones.retain(|p| p.contains("812"));
        f.org = Some("Gojek".into());
        let text = write(Some(phone), "ignored", &f);
        assert!(text.contains("UID:abc"), "{text}");
        assert!(!text.contains("ignored"), "{text}");
        assert!(text.contains("PHOTO"), "{text}");
        assert!(text.contains("X-ABLABEL:mine"), "{text}");
        assert!(text.contains("TEL;TYPE=CELL:+62 812 1111 2222"), "{text}");
        assert!(!text.contains("555"), "{text}");
        assert!(text.contains("ORG:Gojek"), "{text}");
        assert_eq!(text.matches("FN:").count(), 1, "{text}");
    }
}
