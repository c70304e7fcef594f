//! The `goal new` wizard: one letter at a time, each with a short explanation and an
//! example in the user's language, then the SMART check, with the choice to fix a
//! weak letter, save anyway or cancel. Questions answered by flags are skipped.

use super::fields::{GoalFields, parse_weekly_minutes};
use crate::app::App;
use crate::coach::num;
use crate::coach::progress;
use crate::coach::smart::{self, Finding, Letter};
use crate::i18n::Lang;
use crate::model::goal::{self, Goal, GoalInputError, Metric};
use crate::model::{Circle, Network, Stage, text};
use crate::prompt::Prompter;
use crate::t;
use crate::views::goal as render;

/// How the wizard ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Save,
    Cancelled,
}

struct Wizard<'a> {
    app: &'a App,
    lang: Lang,
}

pub fn run(
    app: &App,
    p: &mut dyn Prompter,
    given: &GoalFields,
    g: &mut Goal,
    net: &mut Network,
) -> anyhow::Result<Outcome> {
    let w = Wizard { app, lang: app.ui.lang };
    let lang = w.lang;
    app.ui.info(t!(
        lang,
        "A goal says what your network is for. We will go through S-M-A-R-T one letter at a time; Enter skips a question.",
        "Tujuan menjelaskan untuk apa jejaring Anda. Kita isi S-M-A-R-T satu huruf demi satu huruf; Enter melewati pertanyaan."
    ));
    if given.title.is_none() {
        g.title = w.ask_required(p, &t!(lang, "Goal, in a few words:", "Tujuan, dalam beberapa kata:"), goal::title)?;
    }
    w.specific(
        p,
        g,
        given.specific.is_none(),
        given.circle.is_empty() && given.tag.is_empty() && given.stage.is_empty(),
    )?;
    w.measurable(p, g, given.metric.is_none(), given.target.is_none())?;
    if given.achievable.is_none() {
        w.achievable(p, g, net)?;
    }
    w.realistic(p, g, net, given.relevant.is_none())?;
    w.timed(p, g, given.start.is_none(), given.deadline.is_none())?;

    let today = app.clock.today;
    loop {
        let check = smart::check(g, net, today);
        let summary = check.summary(false);
        let title = &g.title;
        app.ui.info(format!("\n{title}  {summary}"));
        for line in render::wizard_check_lines(&app.ui, &check, lang) {
            app.ui.info(line);
        }
        let weak = check.weak_letters();
        if weak.is_empty() {
            return Ok(Outcome::Save);
        }
        let mut options: Vec<String> = weak
            .iter()
            .map(|l| {
                let (i, name) = (l.letter.initial(), l.letter.name(lang));
                let why = l.findings.first().map(|f| f.reason(lang)).unwrap_or_default();
                t!(lang, "Fix {i} ({name}): {why}", "Perbaiki {i} ({name}): {why}")
            })
            .collect();
        options.push(t!(lang, "Save anyway", "Tetap simpan"));
        options.push(t!(lang, "Cancel, save nothing", "Batal, jangan simpan"));
        let pick = p.choose(&t!(lang, "What now?", "Lalu?"), &options, 0)?;
        if pick == weak.len() {
            return Ok(Outcome::Save);
        }
        if pick > weak.len() {
            return Ok(Outcome::Cancelled);
        }
        let letter = weak[pick].letter;
        let findings = weak[pick].findings.clone();
        match letter {
            Letter::Specific => w.specific(p, g, true, true)?,
            Letter::Measurable => w.measurable(p, g, true, true)?,
            Letter::Achievable => w.fix_achievable(p, g, net, &findings)?,
            Letter::Realistic => {
                if findings.iter().any(|f| matches!(f, Finding::OverBudget { .. })) {
                    w.weekly_minutes(p, net, true)?;
                }
                w.realistic(p, g, net, findings.iter().any(|f| matches!(f, Finding::NoReason)))?;
            }
            Letter::Timed => w.timed(p, g, false, true)?,
        }
    }
}

impl Wizard<'_> {
    fn explain(&self, letter: Letter) {
        let lang = self.lang;
        let (i, name, what, example) =
            (letter.initial(), letter.name(lang), letter.explain(lang), letter.example(lang));
        self.app.ui.info(format!("\n{i} — {name}: {what}\n    {example}"));
    }

    /// Asks until the answer passes `check`; an empty answer is asked again.
    fn ask_required<T>(
        &self,
        p: &mut dyn Prompter,
        question: &str,
        check: impl Fn(&str) -> Result<T, GoalInputError>,
    ) -> anyhow::Result<T> {
        loop {
            match check(&p.text(question, None)?) {
                Ok(v) => return Ok(v),
                Err(e) => self.app.ui.warn(e.answer_message(self.lang)),
            }
        }
    }

    /// Asks until the answer passes `check`; Enter keeps `current` (None when there is none).
    fn ask_optional<T: Clone>(
        &self,
        p: &mut dyn Prompter,
        question: &str,
        help: &str,
        current: Option<T>,
        check: impl Fn(&str) -> Result<T, GoalInputError>,
    ) -> anyhow::Result<Option<T>> {
        loop {
            let answer = p.text(question, Some(help))?;
            if answer.trim().is_empty() {
                return Ok(current);
            }
            match check(&answer) {
                Ok(v) => return Ok(Some(v)),
                Err(e) => self.app.ui.warn(e.answer_message(self.lang)),
            }
        }
    }

    fn keep_or_skip(&self, current: Option<&str>) -> String {
        match current {
            Some(v) => t!(self.lang, "now: {v}; Enter keeps it", "sekarang: {v}; Enter untuk mempertahankan"),
            None => t!(self.lang, "Enter to skip", "Enter untuk melewati"),
        }
    }

    fn letter_text(
        &self,
        p: &mut dyn Prompter,
        question: &str,
        flag: &'static str,
        current: &Option<String>,
    ) -> anyhow::Result<Option<String>> {
        let help = self.keep_or_skip(current.as_deref());
        self.ask_optional(p, question, &help, current.clone(), |v| {
            goal::optional_letter(flag, v)?.ok_or(GoalInputError::Text(text::InputError::Empty { field: flag }))
        })
    }

    fn specific(&self, p: &mut dyn Prompter, g: &mut Goal, text_q: bool, filters_q: bool) -> anyhow::Result<()> {
        let lang = self.lang;
        self.explain(Letter::Specific);
        if text_q {
            let q = t!(lang, "What exactly, and with whom?", "Apa tepatnya, dan dengan siapa?");
            g.specific = self.letter_text(p, &q, "--specific", &g.specific)?;
        }
        if !filters_q {
            return Ok(());
        }
        let current = (!g.filters.tags.is_empty()).then(|| g.filters.tags.join(", "));
        let help = t!(
            lang,
            "only people with this tag count, e.g. fintech; several with commas; Enter for any",
            "hanya orang dengan tag ini yang dihitung, mis. fintech; beberapa dengan koma; Enter untuk semua"
        );
        let tags = self.ask_optional(
            p,
            &t!(lang, "Which tag marks these people?", "Tag apa yang menandai orang-orang ini?"),
            &help,
            current.map(|_| g.filters.tags.clone()),
            |v| v.split(',').filter(|t| !t.trim().is_empty()).map(|t| text::tag(t).map_err(Into::into)).collect(),
        )?;
        g.filters.tags = tags.unwrap_or_default();
        let mut circles = vec![t!(lang, "any circle", "lingkaran mana pun")];
        circles.extend(Circle::ALL.iter().map(|c| c.label(lang).to_string()));
        let now = g.filters.circles.first().and_then(|c| Circle::ALL.iter().position(|x| x == c)).map_or(0, |i| i + 1);
        let i = p.choose(&t!(lang, "Which circle counts?", "Lingkaran mana yang dihitung?"), &circles, now)?;
        g.filters.circles = if i == 0 { Vec::new() } else { vec![Circle::ALL[i - 1].clone()] };
        let mut stages = vec![t!(lang, "any stage", "tahap mana pun")];
        stages.extend(Stage::ALL.iter().map(|s| s.label(lang).to_string()));
        let now = g.filters.stages.first().and_then(|s| Stage::ALL.iter().position(|x| x == s)).map_or(0, |i| i + 1);
        let i = p.choose(&t!(lang, "Which stage counts?", "Tahap mana yang dihitung?"), &stages, now)?;
        g.filters.stages = if i == 0 { Vec::new() } else { vec![Stage::ALL[i - 1].clone()] };
        Ok(())
    }

    fn measurable(&self, p: &mut dyn Prompter, g: &mut Goal, metric_q: bool, target_q: bool) -> anyhow::Result<()> {
        let lang = self.lang;
        self.explain(Letter::Measurable);
        if metric_q {
            let options: Vec<String> = Metric::ALL.iter().map(|m| m.describe(lang)).collect();
            let now = Metric::ALL.iter().position(|m| m == &g.metric).unwrap_or(0);
            let i = p.choose(&t!(lang, "How is progress counted?", "Bagaimana kemajuan dihitung?"), &options, now)?;
            g.metric = Metric::ALL[i].clone();
        }
        if target_q {
            let current = g.target.map(|t| t.to_string());
            let help = match &current {
                Some(_) => self.keep_or_skip(current.as_deref()),
                None => t!(lang, "a whole number, e.g. 10", "bilangan bulat, mis. 10"),
            };
            g.target = self.ask_optional(p, &t!(lang, "Target number:", "Angka target:"), &help, g.target, |v| {
                goal::parse_count("--target", v)
            })?;
        }
        Ok(())
    }

    fn achievable(&self, p: &mut dyn Prompter, g: &mut Goal, net: &Network) -> anyhow::Result<()> {
        let lang = self.lang;
        self.explain(Letter::Achievable);
        if g.metric.is_measured() {
            let today = self.app.clock.today;
            self.app.ui.info(match progress::best_pace(g, net, today) {
                Some(b) => {
                    let x = num(b.per_week, lang);
                    t!(
                        lang,
                        "    For reference: your best 4 weeks so far gave {x} a week.",
                        "    Sebagai acuan: 4 minggu terbaik Anda sejauh ini menghasilkan {x} per minggu."
                    )
                }
                None => t!(
                    lang,
                    "    There is no 4-week history to compare with yet.",
                    "    Belum ada riwayat 4 minggu untuk dibandingkan."
                ),
            });
        }
        let q = t!(lang, "Why is it within reach, and what is the plan?", "Mengapa bisa dicapai, dan apa rencananya?");
        g.achievable = self.letter_text(p, &q, "--achievable", &g.achievable)?;
        Ok(())
    }

    /// Offers the fair target or deadline the check computed, or a new plan.
    fn fix_achievable(&self, p: &mut dyn Prompter, g: &mut Goal, net: &Network, f: &[Finding]) -> anyhow::Result<()> {
        let lang = self.lang;
        let Some(Finding::TooFast { fair_target, fair_deadline, .. }) =
            f.iter().find(|x| matches!(x, Finding::TooFast { .. }))
        else {
            return self.achievable(p, g, net);
        };
        let mut options = vec![t!(lang, "Lower the target to {fair_target}", "Turunkan target ke {fair_target}")];
        if let Some(d) = fair_deadline {
            options.push(t!(lang, "Move the deadline to {d}", "Mundurkan tenggat ke {d}"));
        }
        options.push(t!(lang, "Keep the numbers; rewrite the plan", "Pertahankan angkanya; tulis ulang rencana"));
        match p.choose(&t!(lang, "How do you want to fix it?", "Bagaimana memperbaikinya?"), &options, 0)? {
            0 => g.target = Some(*fair_target),
            1 if fair_deadline.is_some() => g.deadline = *fair_deadline,
            _ => self.achievable(p, g, net)?,
        }
        Ok(())
    }

    fn realistic(&self, p: &mut dyn Prompter, g: &mut Goal, net: &mut Network, reason_q: bool) -> anyhow::Result<()> {
        self.explain(Letter::Realistic);
        if reason_q {
            let q = t!(self.lang, "Why does it matter now?", "Mengapa ini penting sekarang?");
            g.relevant = self.letter_text(p, &q, "--relevant", &g.relevant)?;
        }
        self.weekly_minutes(p, net, false)
    }

    /// Asks once for the weekly networking time (again only when fixing a budget).
    fn weekly_minutes(&self, p: &mut dyn Prompter, net: &mut Network, again: bool) -> anyhow::Result<()> {
        let lang = self.lang;
        let current = net.weekly_minutes();
        if current.is_some() && !again {
            return Ok(());
        }
        let help = match current {
            Some(m) => t!(lang, "now {m}; Enter keeps it", "sekarang {m}; Enter untuk mempertahankan"),
            None => t!(
                lang,
                "asked once and kept for every goal; Enter to skip",
                "ditanya sekali untuk semua tujuan; Enter untuk melewati"
            ),
        };
        let q = t!(
            lang,
            "Minutes a week you can give to networking:",
            "Menit per minggu yang bisa Anda berikan untuk berjejaring:"
        );
        if let Some(m) = self.ask_optional(p, &q, &help, current, parse_weekly_minutes)? {
            net.set_weekly_minutes(m);
        }
        Ok(())
    }

    fn timed(&self, p: &mut dyn Prompter, g: &mut Goal, start_q: bool, deadline_q: bool) -> anyhow::Result<()> {
        let lang = self.lang;
        let today = self.app.clock.today;
        self.explain(Letter::Timed);
        if start_q {
            let start = g.start;
            let help = t!(lang, "Enter for {start}", "Enter untuk {start}");
            g.start = self
                .ask_optional(p, &t!(lang, "Start:", "Mulai:"), &help, Some(start), |v| {
                    goal::parse_goal_day("--start", v, today)
                })?
                .unwrap_or(start);
        }
        if deadline_q {
            let current = g.deadline.map(|d| d.to_string());
            let help = match &current {
                Some(_) => self.keep_or_skip(current.as_deref()),
                None => t!(lang, "2027-03-31, in 3 months, end of march", "2027-03-31, 3 bulan lagi, akhir maret"),
            };
            let start = g.start;
            g.deadline = self.ask_optional(p, &t!(lang, "Deadline:", "Tenggat:"), &help, g.deadline, |v| {
                let d = goal::parse_goal_day("--deadline", v, today)?;
                goal::check_window(start, Some(d)).map(|()| d)
            })?;
        }
        let far = g.deadline.is_some_and(|d| (d - g.start).num_days() > 365);
        if far && deadline_q {
            loop {
                let help = t!(
                    lang,
                    "DATE=COUNT, e.g. 2027-06-30=10; Enter when done",
                    "TANGGAL=JUMLAH, mis. 2027-06-30=10; Enter bila selesai"
                );
                let q = t!(lang, "A milestone on the way:", "Tonggak di tengah jalan:");
                match self.ask_optional(p, &q, &help, None, |v| goal::parse_milestone(v, today))? {
                    Some(m) => {
                        g.milestones.push(m);
                        g.milestones.sort_by_key(|m| m.on);
                    }
                    None => break,
                }
            }
        }
        Ok(())
    }
}
