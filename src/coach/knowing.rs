//! How well you know someone: the share of a short checklist of topics you have facts
//! about, and the next thing worth learning, phrased as a question to ask.

use crate::i18n::Lang;
use crate::model::{Contact, Fact, Topic};
use crate::t;
use serde::Serialize;

/// The topics worth knowing about anyone you want to trust, in the order worth asking:
/// work and interests are easy openers; goals and challenges show where you can help;
/// family and values come with closeness.
pub const CHECKLIST: [Topic; 6] =
    [Topic::Work, Topic::Interests, Topic::Goals, Topic::Challenges, Topic::Family, Topic::Values];

/// The knowing score of one contact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Knowing {
    /// 0–100: the share of the checklist covered.
    pub score: u8,
    pub known: Vec<Topic>,
    pub missing: Vec<Topic>,
    /// The next topic worth learning about.
    pub next: Option<Topic>,
}

/// Scores what you know. Work counts as known when the contact has an org or role.
pub fn knowing(contact: &Contact, facts: &[&Fact]) -> Knowing {
    let has = |topic: &Topic| {
        facts.iter().any(|f| &f.topic == topic)
            || (*topic == Topic::Work && (contact.org.is_some() || contact.role.is_some()))
    };
    let (known, missing): (Vec<Topic>, Vec<Topic>) = CHECKLIST.iter().cloned().partition(|t| has(t));
    let score = crate::i18n::percent(known.len() as u64, CHECKLIST.len() as u64) as u8;
    Knowing { score, next: missing.first().cloned(), known, missing }
}

/// A question that opens the topic, for the next conversation.
pub fn question(topic: &Topic, lang: Lang) -> String {
    match topic {
        Topic::Work => t!(lang, "What are you working on these days?", "Sedang sibuk mengerjakan apa akhir-akhir ini?"),
        Topic::Interests => t!(lang, "What do you enjoy outside work?", "Apa yang Anda nikmati di luar pekerjaan?"),
        Topic::Goals => t!(lang, "What are you aiming for this year?", "Apa yang ingin Anda capai tahun ini?"),
        Topic::Challenges => t!(
            lang,
            "What is the hardest part of your work right now?",
            "Apa bagian tersulit dari pekerjaan Anda saat ini?"
        ),
        Topic::Family => t!(lang, "How is your family doing?", "Bagaimana kabar keluarga Anda?"),
        Topic::Values => {
            t!(lang, "What matters most to you in how you work?", "Apa yang paling penting bagi Anda dalam bekerja?")
        }
        Topic::Other | Topic::Unknown(_) => {
            t!(lang, "What has been on your mind lately?", "Apa yang sedang Anda pikirkan akhir-akhir ini?")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};
    use serde_json::Map;
    use uuid::Uuid;

    fn fact(topic: Topic) -> Fact {
        Fact {
            id: Uuid::now_v7(),
            n: 1,
            contact: Uuid::nil(),
            topic,
            text: "x".into(),
            on: "2026-01-01".parse().unwrap(),
            logged: DateTime::UNIX_EPOCH,
            extra: Map::new(),
        }
    }

    fn contact() -> Contact {
        Contact::new(Uuid::nil(), "h".into(), "X".into(), Utc::now())
    }

    #[test]
    fn nothing_known_asks_about_work_first() {
        let k = knowing(&contact(), &[]);
        assert_eq!(k.score, 0);
        assert_eq!(k.next, Some(Topic::Work));
    }

    #[test]
    fn an_org_counts_as_knowing_their_work() {
        let mut c = contact();
        c.org = Some("Gojek".into());
        let k = knowing(&c, &[]);
        assert_eq!(k.score, 17, "one topic of six, rounded");
        assert_eq!(k.next, Some(Topic::Interests));
    }

    #[test]
    fn facts_cover_topics_once() {
        let facts = [fact(Topic::Interests), fact(Topic::Interests), fact(Topic::Family), fact(Topic::Other)];
        let refs: Vec<&Fact> = facts.iter().collect();
        let k = knowing(&contact(), &refs);
        assert_eq!(k.known, vec![Topic::Interests, Topic::Family]);
        assert_eq!(k.score, 33);
        assert_eq!(k.next, Some(Topic::Work));
    }

    #[test]
    fn everything_known_is_a_full_score() {
        let facts: Vec<Fact> = CHECKLIST.iter().cloned().map(fact).collect();
        let refs: Vec<&Fact> = facts.iter().collect();
        let k = knowing(&contact(), &refs);
        assert_eq!(k.score, 100);
        assert_eq!(k.next, None);
    }

    #[test]
    fn questions_exist_in_both_languages() {
        for t in &CHECKLIST {
            assert!(question(t, Lang::En).ends_with('?'));
            assert!(question(t, Lang::Id).ends_with('?'));
        }
    }
}
