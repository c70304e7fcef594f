//! The promise the README makes: nothing of a message's text reaches the data file.
//! Random bodies — mail, chat lines, LinkedIn messages, event descriptions — go through
//! every reader and the whole import (gather, resolve, plan) into a network, and the
//! saved JSON must not hold them.

use super::matching::{Matcher, Me};
use super::{calendar, gather, linkedin, mail, resolve, whatsapp};
use crate::model::{Contact, Network};
use chrono::{DateTime, Utc};
use proptest::prelude::*;
use uuid::Uuid;

fn now() -> DateTime<Utc> {
    "2026-11-28T12:00:00Z".parse().unwrap()
}

fn network() -> Network {
    let mut budi = Contact::new(Uuid::now_v7(), "budi".into(), "Budi Santoso".into(), now());
    budi.emails.push("budi@example.com".into());
    budi.linkedin = Some("https://www.linkedin.com/in/budi".into());
    Network { contacts: vec![budi], ..Network::default() }
}

/// Imports the harvest into a fresh network as the command does, and returns the JSON.
fn saved(h: super::Harvest) -> String {
    let mut net = network();
    let me = Me::new(["ayu@example.com", "Ayu", "https://www.linkedin.com/in/ayu"]);
    let convs = resolve::conversations(gather(h.found), &me);
    let plan = resolve::plan(&convs, &net, &Matcher::new(&net.contacts), None, now());
    assert!(!plan.add.is_empty(), "the trace reached the network");
    net.interactions.extend(plan.add);
    serde_json::to_string(&net).unwrap()
}

/// A body: a secret word no header or name holds, in random text over several lines.
fn body() -> impl Strategy<Value = (String, String)> {
    ("[a-z]{16}", "[A-Za-z0-9 ,.!?:\n-]{0,120}").prop_map(|(secret, noise)| {
        let secret = format!("zz{secret}");
        (secret.clone(), format!("{noise} {secret}\n{noise}"))
    })
}

/// Quotes body lines an mbox would read as a new message, as mbox writers do.
fn quoted(body: &str) -> String {
    body.lines()
        .map(|l| if l.starts_with("From ") { format!(">{l}") } else { l.to_string() })
        .collect::<Vec<_>>()
        .join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn mail_bodies_never_reach_the_data_file((secret, text) in body(), reply in any::<bool>()) {
        let from = if reply { "Ayu <ayu@example.com>" } else { "Budi Santoso <budi@example.com>" };
        let to = if reply { "budi@example.com" } else { "ayu@example.com" };
        let mbox = format!(
            "From 1@x Mon Nov 02 09:00:00 +0000 2026\nMessage-ID: <m1@example.com>\nFrom: {from}\nTo: {to}\n\
             Subject: Lunch\nDate: Mon, 2 Nov 2026 09:00:00 +0000\nContent-Type: text/plain\n\n{}\n",
            quoted(&text)
        );
        let json = saved(mail::mbox(mbox.as_bytes()).unwrap());
        prop_assert!(!json.contains(&secret));
    }

    #[test]
    fn chat_lines_never_reach_the_data_file((secret, text) in body()) {
        let chat = format!("11/13/26, 9:00 AM - Budi Santoso: {text}\n11/13/26, 9:05 AM - Ayu: {text}\n");
        let json = saved(whatsapp::parse(&chat, Some("Budi Santoso")));
        prop_assert!(!json.contains(&secret));
    }

    #[test]
    fn linkedin_messages_never_reach_the_data_file((secret, text) in body()) {
        let content = text.replace('"', "\"\"");
        let csv = format!(
            "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT\n\
             c1,Budi Santoso,https://www.linkedin.com/in/budi,Ayu,https://www.linkedin.com/in/ayu,2026-11-02 09:00:00 UTC,Hi,\"{content}\"\n"
        );
        let json = saved(linkedin::parse(csv.as_bytes()).unwrap());
        prop_assert!(!json.contains(&secret));
    }

    #[test]
    fn event_descriptions_never_reach_the_data_file((secret, text) in body()) {
        // iCalendar escapes line breaks in a value.
        let description = text.replace('\n', "\\n");
        let ics = format!(
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:e1\nDTSTART:20261102T090000Z\nSUMMARY:Sync\n\
             DESCRIPTION:{description}\nORGANIZER:mailto:budi@example.com\nATTENDEE:mailto:ayu@example.com\n\
             END:VEVENT\nEND:VCALENDAR\n"
        );
        let json = saved(calendar::parse(&ics, now()).unwrap());
        prop_assert!(!json.contains(&secret));
    }
}
