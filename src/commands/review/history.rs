//! `jejaring review history` and `review show DATE`: past reviews and their numbers.

use crate::app::App;
use crate::dates::{self, Lean};
use crate::model::Review;
use crate::t;
use crate::ui::style;
use anyhow::Context;

/// List past reviews with their key numbers
#[derive(Debug, clap::Args)]
pub struct ListArgs {}

/// Show one past review
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The review's date (the last day of its week)
    pub date: String,
}

pub fn list(app: &App, _args: ListArgs) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let store = app.open_read()?;
    let mut reviews: Vec<&Review> = store.net.reviews.iter().collect();
    reviews.sort_by_key(|r| std::cmp::Reverse((r.on, r.made)));
    if app.ui.json {
        return Ok(app.ui.json_value(&reviews)?);
    }
    if reviews.is_empty() {
        app.ui.info(t!(
            lang,
            "No reviews yet. Run `jejaring review` at the end of the week.",
            "Belum ada tinjauan. Jalankan `jejaring review` di akhir minggu."
        ));
        return Ok(());
    }
    let header = vec![
        t!(lang, "week ending", "akhir minggu"),
        t!(lang, "talks", "interaksi"),
        t!(lang, "people", "orang"),
        t!(lang, "new", "baru"),
        t!(lang, "plan", "rencana"),
        t!(lang, "kept", "ditepati"),
        t!(lang, "broken", "diingkari"),
        t!(lang, "went well", "yang baik"),
    ];
    let mut table = app.ui.table(header);
    for r in &reviews {
        let n = &r.numbers;
        table.add_row(vec![
            r.on.to_string(),
            n.interactions.to_string(),
            n.people.to_string(),
            n.new_people.to_string(),
            format!("{}/{}", n.planned_reached, n.planned),
            n.promises_kept.to_string(),
            n.promises_broken.to_string(),
            r.went_well.clone().unwrap_or_default(),
        ]);
    }
    app.ui.show_table(&table)?;
    match crate::model::review::streak(&store.net.reviews, app.clock.today) {
        0 => app.ui.info(t!(
            lang,
            "Streak: none right now; a review saved this week starts one",
            "Rangkaian tinjauan: saat ini kosong; tinjauan yang disimpan minggu ini memulainya"
        )),
        n => {
            let streak = super::render::weeks(lang, n);
            app.ui.info(t!(lang, "Streak: {streak} in a row", "Anda sudah meninjau {streak} berturut-turut"))
        }
    }
    Ok(())
}

pub fn show(app: &App, args: ShowArgs) -> anyhow::Result<()> {
    let lang = app.ui.lang;
    let day = dates::parse_day(&args.date, app.clock.today, Lean::Past).context("DATE")?;
    let store = app.open_read()?;
    let Some(r) = store.net.reviews.iter().filter(|r| r.on == day).max_by_key(|r| r.made) else {
        anyhow::bail!(t!(
            lang,
            "no review for the week ending {day}; see `jejaring review history`",
            "tidak ada tinjauan untuk minggu yang berakhir {day}; lihat `jejaring review history`"
        ));
    };
    if app.ui.json {
        return Ok(app.ui.json_value(r)?);
    }
    let n = &r.numbers;
    let ui = &app.ui;
    ui.line(
        ui.paint(style::HEADING, t!(lang, "Review of the week ending {day}", "Tinjauan minggu yang berakhir {day}")),
    )?;
    let (new, they, you) = (n.new_people, n.they_reached_out, n.you_reached_out);
    let (talks, people) = super::render::talks_and_people(n, lang);
    ui.line(t!(lang, "  {talks} with {people}, {new} new", "  {talks} dengan {people}, {new} baru"))?;
    ui.line(t!(
        lang,
        "  who made the first move: you {you}, they {they}",
        "  yang lebih dulu menghubungi: Anda {you}, mereka {they}"
    ))?;
    let (reached, planned, kept, broken) = (n.planned_reached, n.planned, n.promises_kept, n.promises_broken);
    ui.line(t!(lang, "  plan: reached {reached} of {planned}", "  rencana: {reached} dari {planned} dihubungi"))?;
    ui.line(t!(lang, "  promises: {kept} kept, {broken} broken", "  janji: {kept} ditepati, {broken} diingkari"))?;
    if let Some(w) = &r.went_well {
        ui.line(t!(lang, "  went well: {w}", "  berjalan baik: {w}"))?;
    }
    if let Some(d) = &r.differently {
        ui.line(t!(lang, "  differently: {d}", "  lakukan berbeda: {d}"))?;
    }
    Ok(())
}
