//! Indonesian date words and rhythm units on the command line, read as the English ones
//! are (JEJARING_NOW is Saturday 2026-11-28).

use crate::env::TestEnv;

#[test]
fn indonesian_units_and_date_words_work_on_the_command_line() {
    let env = TestEnv::new();
    env.ok(&["--lang", "id", "add-contact", "Dewi Lestari", "--every", "2mg", "--met-on", "jumat lalu"]);
    let c = env.contact("Dewi Lestari");
    assert_eq!((c["every"].as_str(), c["met_on"].as_str()), (Some("2w"), Some("2026-11-27")));
    env.ok(&["edit", "dewi", "--every", "3 bulan"]);
    assert_eq!(env.contact("Dewi Lestari")["every"], "3m");

    let (_, err) = env.ok(&["--lang", "id", "promise", "dewi", "Kirim slide", "--due", "senin depan"]);
    assert!(err.contains("2026-11-30"), "{err}");
    let (_, err) = env.ok(&["--lang", "id", "promise", "dewi", "Kenalkan ke Budi", "--due", "akhir bulan"]);
    assert!(err.contains("2026-11-30"), "{err}");
    let (_, err) = env.ok(&["--lang", "id", "promise", "dewi", "Makan siang", "--due", "15 des"]);
    assert!(err.contains("2026-12-15"), "{err}");

    let err = env.fails(&["--lang", "id", "edit", "dewi", "--every", "2x"], 1);
    assert!(err.contains("30h, 2mg, 3bln"), "the error names the Indonesian units: {err}");
}
