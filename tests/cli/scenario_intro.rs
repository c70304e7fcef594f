//! Who can introduce you, from an imported calendar and mailbox: Ayu wants to meet Dewi
//! at OVO. Budi, a trusted colleague, met Dewi four times this year; Citra, a friend,
//! is on mail threads with Eko, whom Ayu barely knows and who met Dewi once. Budi's
//! namesake knows nobody; Fajar declined the meeting Dewi was at. Then an introduction
//! flows ask → nudge → done → thank, in English and in Indonesian.

use crate::env::TestEnv;
use serde_json::Value;

/// One calendar event: its UID, day, and (email, PARTSTAT) attendees; Ayu organises.
fn event(uid: &str, day: &str, people: &[(&str, &str)]) -> String {
    let mut e = format!(
        "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART:{day}T020000Z\r\nDTEND:{day}T030000Z\r\nSUMMARY:Sync {uid}\r\n\
         ORGANIZER;CN=Ayu Lestari:mailto:ayu@example.com\r\n\
         ATTENDEE;PARTSTAT=ACCEPTED:mailto:ayu@example.com\r\n"
    );
    for (email, status) in people {
        e.push_str(&format!("ATTENDEE;PARTSTAT={status}:mailto:{email}\r\n"));
    }
    e.push_str("END:VEVENT\r\n");
    e
}

fn calendar(town_hall: bool) -> String {
    let mut ics = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:ayu@example.com\r\n");
    for (i, day) in ["20260302", "20260601", "20260901", "20261120"].iter().enumerate() {
        ics.push_str(&event(
            &format!("bd{i}"),
            day,
            &[("budi@bank.example", "ACCEPTED"), ("dewi@ovo.example", "ACCEPTED")],
        ));
    }
    // Fajar said no: being invited with Dewi is no evidence that he knows her.
    ics.push_str(&event("fd", "20261105", &[("fajar@example.com", "DECLINED"), ("dewi@ovo.example", "ACCEPTED")]));
    // Eko met Dewi once, at a small meeting.
    ics.push_str(&event("ed", "20261015", &[("eko@example.com", "ACCEPTED"), ("dewi@ovo.example", "ACCEPTED")]));
    if town_hall {
        ics.push_str(&town_hall_event());
    }
    ics.push_str("END:VCALENDAR\r\n");
    ics
}

/// A town hall of 30: weak evidence that Citra knows Dewi, not nothing.
fn town_hall_event() -> String {
    let mut crowd: Vec<(String, &str)> = (0..27).map(|i| (format!("guest{i}@example.com"), "ACCEPTED")).collect();
    crowd.push(("citra@example.com".into(), "ACCEPTED"));
    crowd.push(("dewi@ovo.example".into(), "ACCEPTED"));
    let crowd: Vec<(&str, &str)> = crowd.iter().map(|(e, s)| (e.as_str(), *s)).collect();
    event("hall", "20261010", &crowd)
}

/// A thread Ayu, Citra and Eko were all on, on two days.
fn mailbox() -> String {
    let mut m = String::new();
    for (i, (day, date)) in
        [("Mon Oct 05 02:00:00 2026", "Mon, 5 Oct 2026"), ("Tue Nov 03 02:00:00 2026", "Tue, 3 Nov 2026")]
            .iter()
            .enumerate()
    {
        m.push_str(&format!(
            "From citra@example.com {day}\nMessage-ID: <c{i}@mail.example>\nDate: {date} 09:00:00 +0700\n\
             From: Citra Dewi <citra@example.com>\nTo: Ayu Lestari <ayu@example.com>, Eko Prasetyo <eko@example.com>\n\
             Subject: Book club {i}\n\nbody\n\n"
        ));
        m.push_str(&format!(
            "From ayu@example.com {day}\nMessage-ID: <a{i}@mail.example>\nIn-Reply-To: <c{i}@mail.example>\n\
             References: <c{i}@mail.example>\nDate: {date} 10:00:00 +0700\n\
             From: Ayu Lestari <ayu@example.com>\nTo: Citra Dewi <citra@example.com>, Eko Prasetyo <eko@example.com>\n\
             Subject: Re: Book club {i}\n\nbody\n\n"
        ));
    }
    m
}

/// Ayu's network after importing both exports (with the town hall, or without).
fn network_with(town_hall: bool) -> (TestEnv, [String; 6]) {
    let env = TestEnv::new();
    let budi =
        env.add("Budi Santoso", &["--email", "budi@bank.example", "--circle", "colleague", "--stage", "trusted"]);
    // Budi's namesake: same name, another person (another address).
    let namesake = env.add(
        "Budi Santoso",
        &["--email", "budi.s@elsewhere.example", "--stage", "connection", "--org", "OVO", "--force"],
    );
    let citra = env.add("Citra Dewi", &["--email", "citra@example.com", "--circle", "friend", "--stage", "connection"]);
    let eko = env.add("Eko Prasetyo", &["--email", "eko@example.com", "--stage", "acquaintance"]);
    let dewi = env.add("Dewi Anggraini", &["--email", "dewi@ovo.example", "--org", "Bank OVO", "--stage", "stranger"]);
    let fajar = env.add("Fajar Nugroho", &["--email", "fajar@example.com", "--stage", "trusted"]);
    let ics = env.home().join("calendar.ics");
    std::fs::write(&ics, calendar(town_hall)).unwrap();
    let mbox = env.home().join("mail.mbox");
    std::fs::write(&mbox, mailbox()).unwrap();
    env.ok(&["import", "history", ics.to_str().unwrap(), mbox.to_str().unwrap(), "--me", "ayu@example.com"]);
    (env, [budi, namesake, citra, eko, dewi, fajar])
}

fn network() -> (TestEnv, [String; 6]) {
    network_with(false)
}

fn path_json(env: &TestEnv, who: &str) -> Value {
    let (out, _) = env.ok(&["--json", "path", who]);
    serde_json::from_str(&out).unwrap()
}

#[test]
fn routes_come_out_trusted_colleague_then_two_steps_through_a_friend_with_their_evidence() {
    let (env, [budi, namesake, citra, eko, dewi, fajar]) = network();
    let v = path_json(&env, &dewi);
    let routes = v["routes"].as_array().unwrap();
    let shape: Vec<(u64, &str, &str)> = routes
        .iter()
        .map(|r| {
            (
                r["steps"].as_u64().unwrap(),
                r["via"]["handle"].as_str().unwrap(),
                r["through"]["handle"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(shape[0], (1, budi.as_str(), ""), "{shape:?}");
    assert_eq!(shape[1], (2, citra.as_str(), eko.as_str()), "{shape:?}");
    assert!(v["direct"].as_bool().unwrap());
    // Budi's evidence: four meetings with Dewi since March, the last on 20 November.
    let meetings = &routes[0]["ties"][0]["evidence"][0];
    assert_eq!((meetings["via"].as_str(), meetings["count"].as_u64()), (Some("meeting"), Some(4)));
    assert_eq!((meetings["first"].as_str(), meetings["last"].as_str()), (Some("2026-03-02"), Some("2026-11-20")));
    assert_eq!(routes[0]["ask"]["trust"], 4);
    // Citra to Eko: the mail threads; Eko to Dewi: the meeting.
    assert_eq!(routes[1]["ties"][0]["evidence"][0]["via"], "mail");
    assert_eq!(routes[1]["ties"][1]["evidence"][0]["via"], "meeting");
    // Nobody is taken for someone else: not Budi's namesake, not Fajar who declined.
    let all = serde_json::to_string(&v).unwrap();
    assert!(!all.contains(&format!("\"{namesake}\"")), "the namesake is never used: {all}");
    assert!(!all.contains(&format!("\"{fajar}\"")), "a declined meeting is no evidence: {all}");

    // The words say the same, in both languages.
    let (out, _) = env.ok(&["path", &dewi]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Routes to Dewi Anggraini (Bank OVO)");
    assert_eq!(
        lines[1],
        format!("  1. Budi Santoso ({budi}) — 4 meetings together since 2026-03-02, last on 2026-11-20")
    );
    assert!(lines[2].starts_with("     you trust Budi 4/5, warmth "), "{out}");
    assert!(out.contains(&format!("  2. Citra Dewi ({citra}), then Eko Prasetyo ({eko}) — two steps: ask Citra Dewi to introduce you to Eko Prasetyo, who knows Dewi Anggraini")), "{out}");
    assert!(out.contains("     Citra Dewi – Eko Prasetyo: 2 mail threads together, last on 2026-11-03"), "{out}");
    let (id, _) = env.ok(&["--lang", "id", "path", &dewi]);
    assert!(id.starts_with("Jalan menuju Dewi Anggraini (Bank OVO)\n"), "{id}");
    assert!(id.contains("4 rapat bersama sejak 2026-03-02, terakhir pada 2026-11-20"), "{id}");
    assert!(id.contains("dua langkah"), "{id}");
}

#[test]
fn a_big_meeting_is_weak_evidence() {
    let (env, [budi, _, citra, _, dewi, _]) = network_with(true);
    env.ok(&["remove", &budi, "--yes"]);
    let v = path_json(&env, &dewi);
    let routes = v["routes"].as_array().unwrap();
    let crowd = routes.iter().find(|r| r["steps"] == 1 && r["via"]["handle"] == citra.as_str()).unwrap();
    let tie = &crowd["ties"][0];
    assert_eq!(tie["evidence"][0]["big"], 1, "a town hall of 30 is a big meeting");
    assert_eq!(tie["strength"], 10, "a quarter of a meeting: {tie}");
}

#[test]
fn two_steps_are_said_plainly_and_no_route_says_how_to_make_one() {
    let (env, [budi, _, citra, eko, dewi, fajar]) = network();
    env.ok(&["remove", &budi, "--yes"]);
    let v = path_json(&env, &dewi);
    assert_eq!(v["direct"], false);
    assert_eq!(v["routes"][0]["through"]["handle"], eko.as_str());
    assert_eq!(v["routes"][1]["via"]["handle"], eko.as_str(), "then Eko himself, whom you barely know");
    let (out, _) = env.ok(&["path", &dewi]);
    assert!(out.contains("  Nobody you know well knows Dewi Anggraini directly; these routes take two steps or go through people you barely know."), "{out}");
    assert!(out.contains(&format!("  2. Eko Prasetyo ({eko}) — a meeting together on 2026-10-15")), "{out}");
    assert!(out.contains("; you barely know them"), "{out}");
    // Someone you know well needs no route; someone you barely know whom nobody knows
    // gets how to make one.
    let (out, _) = env.ok(&["path", &fajar]);
    assert!(out.contains("you already know Fajar Nugroho well: no introduction needed"), "{out}");
    assert!(!out.contains("To make a route"), "{out}");
    env.ok(&["edit", &fajar, "--stage", "acquaintance"]);
    let (out, _) = env.ok(&["path", &fajar]);
    assert!(out.contains("Nobody in your network is known to know Fajar Nugroho yet. To make a route:"), "{out}");
    assert!(out.contains(&format!("record it: `jejaring knows CONTACT {fajar} --how")), "{out}");
    // Once Citra says she knows him, there is a route with her words.
    env.ok(&["knows", &citra, &fajar, "--how", "neighbours in Bandung"]);
    let (out, _) = env.ok(&["path", &fajar]);
    assert!(out.contains(&format!("  1. Citra Dewi ({citra}) — \u{201c}neighbours in Bandung\u{201d}; you noted they know each other (2026-11-28)")), "{out}");
}

#[test]
fn the_organisation_s_people_and_who_knows_them() {
    let (env, [budi, namesake, _, _, dewi, _]) = network();
    let (out, _) = env.ok(&["--json", "who-knows", "bank ovo"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["inside"][0]["handle"], dewi.as_str());
    assert_eq!(v["routes"][0]["via"]["handle"], budi.as_str());
    assert_eq!(v["routes"][0]["knows"][0]["handle"], dewi.as_str());
    // The namesake works at "OVO", not "Bank OVO": organisations are compared whole.
    assert!(!out.contains(&format!("\"{namesake}\"")));
}

fn at(env: &TestEnv, day: &str, args: &[&str]) -> (String, String) {
    let a = env.cmd().env("JEJARING_NOW", day).args(args).assert().success();
    let o = a.get_output();
    (String::from_utf8(o.stdout.clone()).unwrap(), String::from_utf8(o.stderr.clone()).unwrap())
}

#[test]
fn an_introduction_flows_from_ask_to_nudge_to_done_to_thanks() {
    let (env, [budi, _, _, _, dewi, _]) = network();
    let (_, err) = at(&env, "2026-11-28", &["intro", "ask", &budi, "--to", &dewi]);
    assert_eq!(
        err.trim(),
        "Asked Budi Santoso to introduce you to Dewi Anggraini (#1). If nothing has happened by 2026-12-12, the coach will suggest asking again, kindly."
    );
    let (today, _) = at(&env, "2026-12-01", &["today"]);
    assert!(today.contains("waiting on Budi Santoso's introduction to Dewi Anggraini (#1, asked 2026-11-28; ask again after 2026-12-12)"), "{today}");
    let (review, _) = at(&env, "2026-12-01", &["review", "--no-input"]);
    assert!(
        review.contains("Introductions asked for\n  waiting on Budi Santoso's introduction to Dewi Anggraini"),
        "{review}"
    );
    // Past its day: a kind nudge, never a broken promise of Budi's.
    let (today, _) = at(&env, "2026-12-14", &["today"]);
    assert!(
        today.contains(
            "ask Budi Santoso again, kindly, about the introduction to Dewi Anggraini (#1, asked 2026-11-28)"
        ),
        "{today}"
    );
    let (select, _) = at(&env, "2026-12-14", &["select", "--no-input"]);
    assert!(select.contains("Budi Santoso (colleague) — ask again, kindly, about the introduction to Dewi Anggraini you asked for on 2026-11-28 (#1)"), "{select}");
    let (review, _) = at(&env, "2026-12-14", &["review", "--no-input", "--count", "8"]);
    assert!(review.contains("Budi Santoso (colleague) — ask again, kindly"), "{review}");
    let (promises, _) = at(&env, "2026-12-14", &["--json", "promise", "list", "--all"]);
    assert_eq!(promises.trim(), "[]", "nothing is counted against anyone");
    let (id_today, _) = at(&env, "2026-12-14", &["--lang", "id", "today"]);
    assert!(
        id_today.contains("tanyakan lagi kepada Budi Santoso dengan ramah soal perkenalan dengan Dewi Anggraini"),
        "{id_today}"
    );

    // It happened.
    let (_, err) = at(&env, "2026-12-15", &["intro", "done", &budi, "--to", &dewi]);
    assert!(
        err.contains("Thank Budi Santoso by 2026-12-22, and follow up with Dewi Anggraini within a week."),
        "{err}"
    );
    let data = env.json();
    let intro = &data["intros"][0];
    assert_eq!((intro["status"].as_str(), intro["resolved_on"].as_str()), (Some("done"), Some("2026-12-15")));
    let note = data["trust_notes"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(note["note"], "introduced you to Dewi Anggraini");
    assert_eq!(note["contact"], env.contacts().iter().find(|c| c["handle"] == budi.as_str()).unwrap()["id"]);
    // Dewi had met Ayu at meetings before, so her meeting day stays as it was.
    let (today, _) = at(&env, "2026-12-16", &["today"]);
    assert!(
        today.contains("thank Budi Santoso for introducing you to Dewi Anggraini on 2026-12-15 (by 2026-12-22)"),
        "{today}"
    );
    assert!(
        today.contains("follow up with Dewi Anggraini, whom Budi Santoso introduced on 2026-12-15 (by 2026-12-22)"),
        "{today}"
    );
    let (id_select, _) = at(&env, "2026-12-16", &["--lang", "id", "select", "--no-input", "--count", "8"]);
    assert!(
        id_select.contains(
            "memperkenalkan Anda kepada Dewi Anggraini pada 2026-12-15: ucapkan terima kasih paling lambat 2026-12-22"
        ),
        "{id_select}"
    );
    let (brief, _) = at(&env, "2026-12-16", &["brief", &dewi]);
    assert!(brief.contains(&format!("  introduced by Budi Santoso ({budi}) on 2026-12-15")), "{brief}");
    // Thanked: the pick and the line go.
    at(&env, "2026-12-17", &["log", &budi, "thanked him for the intro"]);
    let (today, _) = at(&env, "2026-12-18", &["today"]);
    assert!(!today.contains("thank Budi"), "{today}");
    assert!(today.contains("follow up with Dewi Anggraini"), "{today}");
    // Step 3 counts the introduction asked and made.
    let (coach, _) = at(&env, "2026-12-18", &["coach"]);
    assert!(coach.contains("1 introduction asked for and 1 made in the last 90 days"), "{coach}");
}
