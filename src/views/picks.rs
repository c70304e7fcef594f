//! Whom to reach this week, as `select` and the review show and ask it: the picks, the
//! walk through them on a terminal, stage-up suggestions and the network's shape.

use crate::app::App;
use crate::coach::select::{Candidate, Selection};
use crate::coach::shape::Shape;
use crate::coach::stage_up::StageUp;
use crate::i18n::Lang;
use crate::model::{Circle, Stage};
use crate::prompt::Prompter;
use crate::ui::style;
use crate::{t, tn};

/// The most people a week's proposal can hold.
const MAX_PICKS: usize = 50;

/// Refuses a `--count` of people to propose that makes no sense (for select and review).
pub fn check_count(count: usize, lang: Lang) -> anyhow::Result<()> {
    if count == 0 || count > MAX_PICKS {
        anyhow::bail!(t!(lang, "--count must be between 1 and {MAX_PICKS}", "--count harus antara 1 dan {MAX_PICKS}"));
    }
    Ok(())
}

/// Walks through the picks: accept, swap for the next alternate, or skip.
pub fn choose(app: &App, p: &mut dyn Prompter, s: &Selection) -> anyhow::Result<Vec<Candidate>> {
    let lang = app.ui.lang;
    let mut alternates = s.alternates.iter();
    let mut chosen = Vec::new();
    for pick in &s.picks {
        let mut current = pick.clone();
        loop {
            let question = format!("{} — {}", current.name, current.reason.describe(lang));
            let options = vec![
                t!(lang, "accept", "terima"),
                t!(lang, "swap for someone else", "ganti dengan orang lain"),
                t!(lang, "skip", "lewati"),
            ];
            match p.choose(&question, &options, 0)? {
                0 => {
                    chosen.push(current);
                    break;
                }
                1 => match alternates.next() {
                    Some(next) => current = next.clone(),
                    None => {
                        app.ui.info(t!(lang, "Nobody else to propose.", "Tidak ada orang lain untuk diusulkan."));
                        chosen.push(current);
                        break;
                    }
                },
                _ => break,
            }
        }
    }
    Ok(chosen)
}

/// Says why the picks go beyond `--count`: every overdue promise is named, and when the
/// debts took every place, one new person is added after them. The number said is every
/// pick beyond the count, the new person included.
pub fn beyond_count_note(lang: Lang, count: usize, s: &Selection) -> Option<String> {
    let more = s.over_count();
    match (s.beyond_count, s.plus_new) {
        (0, false) => None,
        // One place is "the only place" in both languages: "all 1 places" reads as a
        // count no one says, and Indonesian has no plural to tell the two apart.
        (0, true) if count == 1 => Some(t!(
            lang,
            "An overdue promise took the only place, so the list has one more: plus one new person, to widen your circle.",
            "Janji yang lewat tenggat mengisi satu-satunya tempat, jadi daftar ini bertambah satu: ditambah satu orang baru, untuk memperluas lingkaran Anda."
        )),
        (0, true) => Some(t!(
            lang,
            "Overdue promises took all {count} places, so the list has one more: plus one new person, to widen your circle.",
            "Janji yang lewat tenggat mengisi semua {count} tempat, jadi daftar ini bertambah satu: ditambah satu orang baru, untuk memperluas lingkaran Anda."
        )),
        (_, false) => Some(tn!(
            lang,
            more,
            "{more} pick more than the {count} asked for: every overdue promise is named.",
            "{more} picks more than the {count} asked for: every overdue promise is named.",
            "{more} usulan tambahan di luar {count} yang diminta: semua janji yang lewat tenggat disebutkan."
        )),
        // At least one debt beyond and the new person: always two or more.
        (_, true) => Some(tn!(
            lang,
            more,
            "{more} pick more than the {count} asked for: every overdue promise is named, plus one new person.",
            "{more} picks more than the {count} asked for: every overdue promise is named, plus one new person.",
            "{more} usulan tambahan di luar {count} yang diminta: semua janji yang lewat tenggat disebutkan, ditambah satu orang baru."
        )),
    }
}

/// Stage-up suggestions as indented lines, each with its command (for select and review).
pub fn stage_up_lines(lang: Lang, ups: &[StageUp]) -> Vec<String> {
    ups.iter().map(|u| format!("  {}", u.describe(lang))).collect()
}

/// The picks as lines: `1. Wei Chen (colleague) — promise #4 was due …`.
pub fn pick_lines(app: &App, picks: &[Candidate]) -> Vec<String> {
    let lang = app.ui.lang;
    let mut lines = vec![app.ui.paint(style::HEADING, t!(lang, "Reach out this week", "Hubungi minggu ini"))];
    for (i, c) in picks.iter().enumerate() {
        let circle = c.circle.label(lang);
        lines.push(format!("  {}. {} ({circle}) — {}", i + 1, c.name, c.reason.describe(lang)));
    }
    lines
}

/// The shape as lines: counts by circle and stage, new people, observations.
pub fn shape_lines(app: &App, s: &Shape) -> Vec<String> {
    let lang = app.ui.lang;
    let ui = &app.ui;
    let label = |key: &str, circle: bool| {
        if circle {
            Circle::from_key(key).label(lang).to_string()
        } else {
            Stage::from_key(key).label(lang).to_string()
        }
    };
    let join = |v: &[(String, usize)], circle: bool| {
        v.iter().map(|(k, n)| format!("{} {n}", label(k, circle))).collect::<Vec<_>>().join(", ")
    };
    let (total, new) = (s.total, s.new_this_month);
    let mut lines = vec![ui.paint(
        style::HEADING,
        tn!(
            lang,
            total,
            "Your network: {total} person, {new} met in the last 30 days",
            "Your network: {total} people, {new} met in the last 30 days",
            "Jaringan Anda: {total} orang, {new} ditemui dalam 30 hari terakhir"
        ),
    )];
    lines.push(format!("  {}: {}", t!(lang, "circles", "lingkaran"), join(&s.circles, true)));
    lines.push(format!("  {}: {}", t!(lang, "stages", "tahap"), join(&s.stages, false)));
    for o in &s.observations {
        lines.push(format!("  {}", ui.paint(style::WARN, o.describe(lang))));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn selection(beyond_count: usize, plus_new: bool) -> Selection {
        Selection { picks: Vec::new(), alternates: Vec::new(), beyond_count, plus_new }
    }

    #[test]
    fn one_place_taken_by_a_debt_is_the_only_place_in_both_languages() {
        let note = |lang, count| beyond_count_note(lang, count, &selection(0, true)).unwrap();
        let one = note(Lang::En, 1);
        assert!(one.starts_with("An overdue promise took the only place, so the list has one more:"), "{one}");
        let five = note(Lang::En, 5);
        assert!(five.starts_with("Overdue promises took all 5 places, so the list has one more:"), "{five}");
        let satu = note(Lang::Id, 1);
        assert!(satu.starts_with("Janji yang lewat tenggat mengisi satu-satunya tempat, jadi"), "{satu}");
        let lima = note(Lang::Id, 5);
        assert!(lima.starts_with("Janji yang lewat tenggat mengisi semua 5 tempat, jadi"), "{lima}");
        assert_eq!(beyond_count_note(Lang::En, 5, &selection(0, false)), None);
    }

    /// A network of `owed` people each owed an overdue promise, and a stranger when
    /// `stranger`: the week's selection for `count` places, as `select` makes it.
    fn real(owed: u32, stranger: bool, count: usize) -> Selection {
        use crate::model::{Contact, Network, Promise};
        use chrono::{DateTime, NaiveDate};
        let day = |s: &str| s.parse::<NaiveDate>().unwrap();
        let mut net = Network::default();
        let mut person = |name: String, stage: Stage| {
            let mut c = Contact::new(uuid::Uuid::now_v7(), name.to_lowercase(), name, DateTime::UNIX_EPOCH);
            c.stage = stage;
            let id = c.id;
            net.contacts.push(c);
            id
        };
        let ids: Vec<_> = (1..=owed).map(|n| (n, person(format!("P{n}"), Stage::Connection))).collect();
        if stranger {
            person("Stranger".into(), Stage::Stranger);
        }
        for (n, id) in ids {
            let made = day("2026-10-01");
            net.promises.push(Promise::new(n, id, "x".into(), made, day("2026-11-20"), DateTime::UNIX_EPOCH));
        }
        crate::coach::select::select(&net, day("2026-11-28"), count, &Default::default())
    }

    #[test]
    fn the_note_counts_every_pick_beyond_the_places_asked_for() {
        // Six debts over five places, and the new person after them: two more than asked.
        let s = real(6, true, 5);
        assert_eq!(s.picks.len(), 7);
        assert_eq!(
            beyond_count_note(Lang::En, 5, &s).unwrap(),
            "2 picks more than the 5 asked for: every overdue promise is named, plus one new person."
        );
        assert!(beyond_count_note(Lang::Id, 5, &s).unwrap().starts_with("2 usulan tambahan di luar 5 yang diminta"));
        // Six debts and nobody new: one more, in the singular.
        let s = real(6, false, 5);
        assert_eq!(s.picks.len(), 6);
        assert_eq!(
            beyond_count_note(Lang::En, 5, &s).unwrap(),
            "1 pick more than the 5 asked for: every overdue promise is named."
        );
        assert!(beyond_count_note(Lang::Id, 5, &s).unwrap().starts_with("1 usulan tambahan di luar 5 yang diminta"));
        // Debts fill the places exactly: the new person is the one more.
        let s = real(5, true, 5);
        assert_eq!(s.picks.len(), 6);
        assert!(beyond_count_note(Lang::En, 5, &s).unwrap().contains("so the list has one more"));
        assert!(beyond_count_note(Lang::Id, 5, &s).unwrap().contains("jadi daftar ini bertambah satu"));
        // Room left after the debts: nothing goes beyond, nothing is said.
        let s = real(4, true, 5);
        assert_eq!(s.picks.len(), 5);
        assert_eq!(beyond_count_note(Lang::En, 5, &s), None);
        // Two debts over one place and the new person: two more, not one.
        let s = real(2, true, 1);
        assert_eq!(s.picks.len(), 3);
        assert!(beyond_count_note(Lang::En, 1, &s).unwrap().starts_with("2 picks more than the 1 asked for"));
    }
}
