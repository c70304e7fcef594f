//! Writes a realistic, deterministic network for the benchmark (see BENCHMARK.md).
//!
//! ```text
//! cargo run --release --example gen_network -- --contacts 10000 --out net.json [--seed 7] [--format json|vcard]
//! ```
//!
//! The JSON is built from `jejaring::model` types and written the way the store writes
//! it (pretty, with a final newline), so it is always the real schema. Names come from
//! many cultures (Javanese, Sundanese, Batak, Minang, Balinese, Chinese-Indonesian,
//! Indian, Chinese, Japanese, Korean, Arabic, African, European, Latin American…), with
//! accents and a few in their own script. Each contact has on average three
//! interactions over the past two years and one note. The same seed always gives the
//! same bytes: a small SplitMix64 generator is used instead of a crate, and the clock
//! is fixed (`--now`, which the benchmark passes to jejaring as `JEJARING_NOW`).
//!
//! `--format vcard` writes the same people as vCard 3.0 cards, for the import benchmark.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use clap::Parser;
use jejaring::model::contact::new_handle;
use jejaring::model::{Cadence, Circle, Contact, Interaction, Kind, Network, Stage};
use serde_json::{Map, Value};
use std::collections::HashSet;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use uuid::Uuid;

#[derive(Parser)]
#[command(about = "Write a realistic jejaring network for the benchmark")]
struct Args {
    /// How many contacts
    #[arg(long, default_value_t = 10_000)]
    contacts: usize,
    /// Where to write
    #[arg(long)]
    out: PathBuf,
    /// Seed of the random generator (same seed, same file)
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// The pretend "now" the history ends at (give the same to jejaring as JEJARING_NOW)
    #[arg(long, default_value = "2026-11-28")]
    now: NaiveDate,
    /// Top the interactions up to this many (a tenth of them group conversations), for
    /// the knows-whom rows: `path` and `who-knows` at 200,000 interactions
    #[arg(long)]
    interactions: Option<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Json,
    Vcard,
}

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let now = args.now.and_hms_opt(12, 0, 0).expect("noon exists").and_utc();
    let mut rng = Rng::new(args.seed);
    let people: Vec<Person> = (0..args.contacts).map(|_| person(&mut rng)).collect();
    let net = network(&mut rng, &people, now, args.interactions.unwrap_or(0));
    let mut out = BufWriter::with_capacity(1 << 20, File::create(&args.out)?);
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &net).map_err(std::io::Error::other)?;
            out.write_all(b"\n")?;
        }
        Format::Vcard => {
            for (p, c) in people.iter().zip(&net.contacts) {
                write_vcard(&mut out, p, c)?;
            }
        }
    }
    out.flush()?;
    eprintln!(
        "wrote {} contacts and {} interactions to {}",
        net.contacts.len(),
        net.interactions.len(),
        args.out.display()
    );
    Ok(())
}

// ---------------------------------------------------------------------------------
// A tiny deterministic generator (SplitMix64): good enough for test data, and the
// output never changes with a dependency's version.

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x6a09_e667_f3bc_c909)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64 * n as f64) as usize
    }

    /// A float in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len())]
    }

    /// An index chosen by weight.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut x = self.below(total as usize) as u32;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }

    fn digits(&mut self, n: usize) -> String {
        (0..n).map(|_| char::from(b'0' + self.below(10) as u8)).collect()
    }
}

// ---------------------------------------------------------------------------------
// People: a name with its parts (for vCard's N), a culture for phones and orgs.

struct Person {
    given: String,
    family: String,
    /// The name as the user would write it.
    full: String,
    phone_prefix: &'static str,
    local_orgs: &'static [&'static str],
}

#[derive(Clone, Copy)]
enum Culture {
    Javanese,
    Sundanese,
    Batak,
    Minang,
    Balinese,
    Bugis,
    ChineseIndonesian,
    Indian,
    Chinese,
    Japanese,
    Korean,
    Vietnamese,
    Filipino,
    Arabic,
    WestAfrican,
    EastAfrican,
    SouthernAfrican,
    German,
    French,
    Dutch,
    Nordic,
    Polish,
    Spanish,
    Portuguese,
    Italian,
    English,
    Turkish,
    LatinAmerican,
    Brazilian,
}

/// How common each culture is in a Jakarta-based professional's contacts.
const CULTURES: &[(Culture, u32)] = &[
    (Culture::Javanese, 180),
    (Culture::Sundanese, 70),
    (Culture::Batak, 45),
    (Culture::Minang, 30),
    (Culture::Balinese, 20),
    (Culture::Bugis, 15),
    (Culture::ChineseIndonesian, 60),
    (Culture::Indian, 70),
    (Culture::Chinese, 50),
    (Culture::Japanese, 30),
    (Culture::Korean, 20),
    (Culture::Vietnamese, 15),
    (Culture::Filipino, 15),
    (Culture::Arabic, 45),
    (Culture::WestAfrican, 25),
    (Culture::EastAfrican, 20),
    (Culture::SouthernAfrican, 10),
    (Culture::German, 25),
    (Culture::French, 25),
    (Culture::Dutch, 20),
    (Culture::Nordic, 12),
    (Culture::Polish, 10),
    (Culture::Spanish, 20),
    (Culture::Portuguese, 10),
    (Culture::Italian, 15),
    (Culture::English, 40),
    (Culture::Turkish, 12),
    (Culture::LatinAmerican, 35),
    (Culture::Brazilian, 20),
];

const JAVANESE_GIVEN: &[&str] = &[
    "Budi",
    "Sri",
    "Agus",
    "Dwi",
    "Eko",
    "Tri",
    "Joko",
    "Bambang",
    "Wahyu",
    "Slamet",
    "Sutrisno",
    "Suharti",
    "Endang",
    "Ratna",
    "Wulan",
    "Rahayu",
    "Setyo",
    "Purnomo",
    "Hartono",
    "Kartini",
    "Dewi",
    "Sekar",
    "Lestari",
    "Bagus",
    "Yudhistira",
    "Arjuna",
    "Pratiwi",
    "Nugroho",
    "Widodo",
    "Sulastri",
    "Sumarni",
    "Triyono",
    "Anggoro",
    "Galih",
    "Rizky",
    "Putri",
    "Ayu",
    "Adi",
    "Danang",
    "Hendro",
    "Sukarno",
    "Setiawati",
    "Listyaningrum",
];
const JAVANESE_FAMILY: &[&str] = &[
    "Santoso",
    "Wibowo",
    "Susanto",
    "Prasetyo",
    "Setiawan",
    "Hidayat",
    "Kusumawardani",
    "Wijayanto",
    "Purwanto",
    "Nugraha",
    "Saputra",
    "Handayani",
    "Kurniawan",
    "Suryadi",
    "Hadiwijaya",
    "Mangkubumi",
    "Wicaksono",
    "Pamungkas",
    "Rahmawati",
    "Utomo",
    "Sasongko",
    "Darmawan",
    "Kusuma",
    "Wardhana",
    "Sutanto",
];
const SUNDANESE_GIVEN: &[&str] = &[
    "Asep", "Ujang", "Cecep", "Dadang", "Euis", "Neng", "Iis", "Yayan", "Dede", "Ikah", "Entis", "Nining", "Acep",
    "Deden", "Enok", "Rina", "Teddy", "Yusuf", "Ajat", "Cucu", "Popon", "Wawan", "Ade", "Nenden",
];
const SUNDANESE_FAMILY: &[&str] = &[
    "Sunarya",
    "Suparman",
    "Permana",
    "Kartasasmita",
    "Suganda",
    "Sumantri",
    "Rukmana",
    "Wiratmaja",
    "Natawijaya",
    "Somantri",
    "Hermawan",
    "Sudrajat",
    "Rustandi",
    "Mulyana",
    "Kusnadi",
    "Hidayatullah",
];
const BATAK_GIVEN: &[&str] = &[
    "Hotman",
    "Togar",
    "Sahat",
    "Rajagukguk",
    "Maruli",
    "Tiurma",
    "Rosmawati",
    "Lamhot",
    "Parulian",
    "Sondang",
    "Martua",
    "Dormauli",
    "Binsar",
    "Horas",
    "Juliana",
    "Ruth",
    "Benny",
    "Robert",
    "Yohana",
    "Marihot",
];
const BATAK_FAMILY: &[&str] = &[
    "Simanjuntak",
    "Siregar",
    "Nasution",
    "Hutapea",
    "Sitompul",
    "Pardede",
    "Sinaga",
    "Manurung",
    "Panjaitan",
    "Harahap",
    "Tambunan",
    "Sihombing",
    "Situmorang",
    "Lubis",
    "Simatupang",
    "Pasaribu",
    "Napitupulu",
    "Silalahi",
];
const MINANG_GIVEN: &[&str] = &[
    "Rizal",
    "Fadli",
    "Yuliani",
    "Zulkifli",
    "Nurhayati",
    "Afrizal",
    "Rahmi",
    "Hendri",
    "Syafri",
    "Elvira",
    "Irwan",
    "Yenni",
    "Fauzan",
    "Desmita",
];
const MINANG_FAMILY: &[&str] =
    &["Datuak", "Chaniago", "Piliang", "Koto", "Tanjung", "Sikumbang", "Caniago", "Jambak", "Syafei", "Rasyid"];
const BALINESE_GIVEN: &[&str] = &[
    "I Wayan",
    "I Made",
    "I Nyoman",
    "I Ketut",
    "I Gede",
    "Ni Luh",
    "Ni Made",
    "Ni Komang",
    "Ni Ketut",
    "Anak Agung",
    "Ida Bagus",
    "Cokorda",
];
const BALINESE_FAMILY: &[&str] = &[
    "Sudarsana",
    "Suardana",
    "Wirawan",
    "Astawa",
    "Suarjana",
    "Puspitasari",
    "Ariani",
    "Mahendra",
    "Sastrawan",
    "Dharmawan",
    "Widiantari",
    "Adnyana",
];
const BUGIS_GIVEN: &[&str] = &["Andi", "Daeng", "Muhammad", "Sitti", "Abdul", "Nurul", "Haerul", "Rahmat", "Hasnah"];
const BUGIS_FAMILY: &[&str] = &["Mappanyukki", "Pettalolo", "Mattalatta", "Sompa", "Parenrengi", "Makkasau", "Baso"];
const CHINESE_INDONESIAN_GIVEN: &[&str] = &[
    "Hendra",
    "Liem Swie",
    "Tan Mei",
    "Lie Ing",
    "Kwee Hok",
    "Budi",
    "Yohanes",
    "Felicia",
    "Jessica",
    "Kevin",
    "Wilson",
    "Cindy",
    "Steven",
    "Michelle",
    "Rudy",
    "Lily",
    "Irene",
    "Sugiarto",
    "Hartono",
    "Ong Tjong",
];
const CHINESE_INDONESIAN_FAMILY: &[&str] = &[
    "Gunawan",
    "Halim",
    "Tanoto",
    "Salim",
    "Wijaya",
    "Kurniadi",
    "Tanuwidjaja",
    "Hartanto",
    "Sutanto",
    "Liem",
    "Tjahjadi",
    "Setiadi",
    "Widjaja",
    "Santoso",
    "Tandiono",
    "Kusnadi",
    "Lim",
    "Gozali",
    "Chandra",
];
const INDIAN_GIVEN: &[&str] = &[
    "Priya",
    "Arjun",
    "Ananya",
    "Rahul",
    "Sanjay",
    "Deepika",
    "Vikram",
    "Lakshmi",
    "Aditya",
    "Kavitha",
    "Rohan",
    "Meera",
    "Suresh",
    "Divya",
    "Harpreet",
    "Gurpreet",
    "Aarav",
    "Ishaan",
    "Nandini",
    "Venkatesh",
    "Sreeja",
    "Abhishek",
    "Pooja",
    "Karthik",
    "Fatima",
    "Imran",
    "Zoya",
    "Anil",
    "Sunita",
    "Ramesh",
];
const INDIAN_FAMILY: &[&str] = &[
    "Sharma",
    "Patel",
    "Iyer",
    "Raghunathan",
    "Krishnamurthy",
    "Reddy",
    "Nair",
    "Menon",
    "Banerjee",
    "Chatterjee",
    "Mukherjee",
    "Singh",
    "Gill",
    "Kapoor",
    "Mehta",
    "Desai",
    "Joshi",
    "Pillai",
    "Subramaniam",
    "Venkataraman",
    "Gupta",
    "Agarwal",
    "Rao",
    "Kulkarni",
    "Qureshi",
    "Siddiqui",
    "Bhattacharya",
    "Dutta",
];
const CHINESE_GIVEN: &[&str] = &[
    "Wei", "Xiaoming", "Jing", "Li Na", "Hao", "Yuxuan", "Mei", "Zhiwei", "Xinyi", "Jun", "Lei", "Yan", "Qiang",
    "Fang", "Haoran", "Ziyi", "Shu", "Chen", "Yifan", "Ling",
];
const CHINESE_FAMILY: &[&str] = &[
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo",
    "Lin", "He", "Gao", "Luo",
];
/// Names some people keep in their own script in a phone book.
const CHINESE_SCRIPT: &[&str] = &["王伟", "李娜", "张静", "刘洋", "陈晨", "杨帆", "黄敏", "赵磊", "周杰", "吴霞"];
const JAPANESE_GIVEN: &[&str] = &[
    "Haruto", "Yui", "Sota", "Aoi", "Ren", "Hina", "Takumi", "Sakura", "Kenji", "Yuko", "Hiroshi", "Akiko", "Daisuke",
    "Emi", "Shōta", "Yūki", "Kōki", "Naoko",
];
const JAPANESE_FAMILY: &[&str] = &[
    "Satō",
    "Suzuki",
    "Takahashi",
    "Tanaka",
    "Watanabe",
    "Itō",
    "Yamamoto",
    "Nakamura",
    "Kobayashi",
    "Katō",
    "Yoshida",
    "Yamada",
    "Sasaki",
    "Inoue",
    "Kimura",
    "Hayashi",
    "Ōno",
    "Saitō",
];
const JAPANESE_SCRIPT: &[&str] = &["山田太郎", "佐藤花子", "鈴木一郎", "高橋美咲", "田中健", "渡辺陽子"];
const KOREAN_GIVEN: &[&str] =
    &["Min-jun", "Seo-yeon", "Ji-hoon", "Ha-eun", "Do-yun", "Soo-ah", "Jae-won", "Ye-jin", "Hyun-woo", "Eun-ji"];
const KOREAN_FAMILY: &[&str] = &["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim"];
const VIETNAMESE_GIVEN: &[&str] =
    &["Thị Lan", "Văn Hùng", "Minh Anh", "Quốc Bảo", "Thu Hà", "Đức Minh", "Ngọc Trâm", "Hoàng Long"];
const VIETNAMESE_FAMILY: &[&str] = &["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Đặng"];
const FILIPINO_GIVEN: &[&str] = &["Maria Clara", "Jose", "Angelica", "Mark Anthony", "Kristine", "Rodel", "Jasmine"];
const FILIPINO_FAMILY: &[&str] = &["Santos", "Reyes", "Cruz", "Bautista", "Ocampo", "Dela Cruz", "Macaraeg"];
const ARABIC_GIVEN: &[&str] = &[
    "Mohammed", "Ahmad", "Fatimah", "Aisyah", "Omar", "Khalid", "Layla", "Yasmin", "Hassan", "Hussein", "Nour",
    "Rania", "Tariq", "Salma", "Youssef", "Mariam", "Abdullah", "Zainab",
];
const ARABIC_FAMILY: &[&str] = &[
    "Al-Farsi",
    "Al-Rashid",
    "Haddad",
    "Khoury",
    "El-Sayed",
    "Mansour",
    "Nasser",
    "Al-Amoudi",
    "Bin Talib",
    "Assegaf",
    "Alatas",
    "Shihab",
    "Baswedan",
    "Al-Habsyi",
    "Abdelaziz",
    "Qasim",
];
const ARABIC_SCRIPT: &[&str] = &["محمد العلي", "فاطمة الزهراء", "عمر خالد", "ليلى حسن"];
const WEST_AFRICAN_GIVEN: &[&str] = &[
    "Chinedu",
    "Ngozi",
    "Oluwaseun",
    "Adaeze",
    "Kwame",
    "Ama",
    "Kofi",
    "Abena",
    "Babajide",
    "Folake",
    "Emeka",
    "Chiamaka",
    "Moussa",
    "Awa",
    "Mamadou",
    "Fatou",
    "Ibrahima",
    "Aïssatou",
];
const WEST_AFRICAN_FAMILY: &[&str] = &[
    "Okafor",
    "Adeyemi",
    "Mensah",
    "Asante",
    "Boateng",
    "Okonkwo",
    "Balogun",
    "Diallo",
    "Ndiaye",
    "Traoré",
    "Coulibaly",
    "Sow",
    "Owusu",
    "Eze",
    "Ogunleye",
];
const EAST_AFRICAN_GIVEN: &[&str] =
    &["Wanjiru", "Kamau", "Achieng", "Otieno", "Amani", "Neema", "Baraka", "Zawadi", "Tesfaye", "Selam", "Abebe"];
const EAST_AFRICAN_FAMILY: &[&str] =
    &["Mwangi", "Odhiambo", "Njoroge", "Kiprono", "Mutua", "Wambui", "Haile", "Bekele", "Tadesse", "Nyerere"];
const SOUTHERN_AFRICAN_GIVEN: &[&str] = &["Thabo", "Nomvula", "Sipho", "Lerato", "Bongani", "Zanele", "Themba"];
const SOUTHERN_AFRICAN_FAMILY: &[&str] = &["Ndlovu", "Dlamini", "Khumalo", "Nkosi", "Mokoena", "van der Merwe"];
const GERMAN_GIVEN: &[&str] =
    &["Jürgen", "Lukas", "Anna", "Sophie", "Maximilian", "Katrin", "Jörg", "Björn", "Sabine", "Felix", "Lena"];
const GERMAN_FAMILY: &[&str] =
    &["Müller", "Schmidt", "Weiß", "Schröder", "Groß", "Bäcker", "Köhler", "Fischer", "Wagner", "Hoffmann"];
const FRENCH_GIVEN: &[&str] =
    &["Élodie", "François", "Hélène", "Jérôme", "Amélie", "Benoît", "Chloé", "Léa", "Théo", "Gaël", "Noémie"];
const FRENCH_FAMILY: &[&str] =
    &["Dubois", "Lefèvre", "Moreau", "Girard", "Bérenger", "Rousseau", "Fontaine", "Lemaître", "Garçon"];
const DUTCH_GIVEN: &[&str] = &["Sanne", "Daan", "Bram", "Femke", "Joris", "Maartje", "Pieter", "Lotte", "Ruud"];
const DUTCH_FAMILY: &[&str] = &["de Vries", "van den Berg", "Jansen", "Bakker", "Visser", "Smit", "van Dijk"];
const NORDIC_GIVEN: &[&str] = &["Søren", "Åsa", "Björk", "Ole", "Ingrid", "Mikael", "Sigrún", "Jóhann", "Kari"];
const NORDIC_FAMILY: &[&str] = &["Sørensen", "Lindqvist", "Ångström", "Hansen", "Guðmundsdóttir", "Nieminen"];
const POLISH_GIVEN: &[&str] = &["Łukasz", "Małgorzata", "Paweł", "Agnieszka", "Wojciech", "Zofia"];
const POLISH_FAMILY: &[&str] = &["Kowalski", "Wiśniewska", "Wójcik", "Łęcki", "Zieliński", "Szymańska"];
const SPANISH_GIVEN: &[&str] = &["José", "María", "Íñigo", "Lucía", "Sofía", "Álvaro", "Begoña", "Andrés"];
const SPANISH_FAMILY: &[&str] = &["García", "Fernández", "Martínez", "López", "Muñoz", "Ibáñez", "Núñez"];
const PORTUGUESE_GIVEN: &[&str] = &["João", "Inês", "Gonçalo", "Conceição", "Tomás", "Beatriz"];
const PORTUGUESE_FAMILY: &[&str] = &["Gonçalves", "Conceição", "Simões", "Magalhães", "Araújo", "Sousa"];
const ITALIAN_GIVEN: &[&str] = &["Giulia", "Lorenzo", "Francesca", "Niccolò", "Chiara", "Matteo", "Alessandra"];
const ITALIAN_FAMILY: &[&str] = &["Rossi", "Bianchi", "Esposito", "Ferrari", "Romano", "De Luca", "Colombo"];
const ENGLISH_GIVEN: &[&str] = &[
    "James",
    "Emily",
    "Oliver",
    "Charlotte",
    "Thomas",
    "Sarah",
    "Michael",
    "Jennifer",
    "David",
    "Rachel",
    "Daniel",
    "Hannah",
    "Christopher",
    "Olivia",
    "Siobhán",
    "Seán",
    "Niamh",
    "Rhys",
];
const ENGLISH_FAMILY: &[&str] = &[
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Taylor",
    "O'Brien",
    "MacDonald",
    "Evans",
    "Thompson",
    "Walker",
    "Robinson",
    "Clarke",
    "Wright",
    "Murphy",
    "Ó Súilleabháin",
];
const TURKISH_GIVEN: &[&str] = &["Ayşe", "Mehmet", "Çağla", "Gökhan", "Şule", "Emre", "Özge", "İbrahim"];
const TURKISH_FAMILY: &[&str] = &["Yılmaz", "Öztürk", "Çelik", "Şahin", "Aydın", "Doğan", "Güneş"];
const LATIN_GIVEN: &[&str] = &[
    "Valentina",
    "Santiago",
    "Camila",
    "Mateo",
    "Ximena",
    "Joaquín",
    "Daniela",
    "Sebastián",
    "Guadalupe",
    "Alejandro",
    "Renata",
    "Emiliano",
];
const LATIN_FAMILY: &[&str] = &[
    "Hernández",
    "González",
    "Rodríguez",
    "Pérez",
    "Sánchez",
    "Ramírez",
    "Flores",
    "Gutiérrez",
    "Castañeda",
    "Ortiz",
    "Peña",
    "Quispe",
    "Mamani",
];
const BRAZILIAN_GIVEN: &[&str] = &["Luíza", "Thiago", "Letícia", "Caio", "Júlia", "Vinícius", "Mariana", "Otávio"];
const BRAZILIAN_FAMILY: &[&str] =
    &["Silva", "Souza", "Oliveira", "Pereira", "Lima", "Carvalho", "Gonçalves", "Assunção"];

const ID_ORGS: &[&str] = &[
    "Bank Mandiri",
    "Bank Central Asia",
    "Bank Rakyat Indonesia",
    "Telkom Indonesia",
    "Gojek",
    "Tokopedia",
    "Traveloka",
    "Bukalapak",
    "Pertamina",
    "Astra International",
    "Kompas Gramedia",
    "Unilever Indonesia",
    "Universitas Indonesia",
    "Institut Teknologi Bandung",
    "Universitas Gadjah Mada",
    "Kementerian Keuangan",
    "Bappenas",
    "Xendit",
    "Ruangguru",
    "eFishery",
    "Kopi Kenangan",
    "Garuda Indonesia",
    "Indosat Ooredoo Hutchison",
    "Sinar Mas",
    "Djarum Foundation",
    "Dompet Dhuafa",
    "Kitabisa",
    "Halodoc",
    "Blibli",
    "Akulaku",
];
const ASIA_ORGS: &[&str] = &[
    "Grab",
    "Shopee",
    "Sea Group",
    "DBS Bank",
    "Infosys",
    "Tata Consultancy Services",
    "Wipro",
    "Flipkart",
    "Alibaba Cloud",
    "Tencent",
    "ByteDance",
    "Huawei",
    "Toyota Motor",
    "Sony",
    "Rakuten",
    "Samsung Electronics",
    "Naver",
    "Petronas",
    "Ayala Corporation",
    "VinGroup",
    "Temasek",
    "Asian Development Bank",
];
const MIDEAST_ORGS: &[&str] = &["Saudi Aramco", "Emirates", "Careem", "Qatar Foundation", "Majid Al Futtaim"];
const AFRICA_ORGS: &[&str] = &["Safaricom", "Flutterwave", "Andela", "Jumia", "MTN Group", "Paystack", "Ethio Telecom"];
const EUROPE_ORGS: &[&str] = &[
    "Siemens",
    "SAP",
    "Nestlé",
    "Société Générale",
    "Philips",
    "ING",
    "Spotify",
    "Zalando",
    "Booking.com",
    "Unilever",
    "Shell",
    "BBC",
    "Deutsche Welle",
    "Médecins Sans Frontières",
    "Allianz",
    "Banco Santander",
];
const AMERICAS_ORGS: &[&str] = &[
    "Mercado Libre",
    "Nubank",
    "Petrobras",
    "Rappi",
    "Globant",
    "Google",
    "Microsoft",
    "Amazon Web Services",
    "The World Bank",
    "UNICEF",
    "Stripe",
    "Shopify",
];
const GLOBAL_ORGS: &[&str] = &[
    "Freelance",
    "Self-employed",
    "McKinsey & Company",
    "Boston Consulting Group",
    "Deloitte",
    "PwC",
    "EY",
    "KPMG",
    "Accenture",
    "UNDP",
    "World Resources Institute",
    "Endeavor",
    "Y Combinator",
];
const ROLES: &[&str] = &[
    "Software Engineer",
    "Senior Software Engineer",
    "Engineering Manager",
    "Product Manager",
    "Head of Product",
    "UX Designer",
    "Data Scientist",
    "Data Analyst",
    "HR Business Partner",
    "Talent Acquisition Lead",
    "Recruiter",
    "Marketing Manager",
    "Brand Strategist",
    "Account Executive",
    "Sales Director",
    "CEO",
    "Co-founder",
    "CTO",
    "CFO",
    "Finance Manager",
    "Investment Associate",
    "Venture Partner",
    "Lecturer",
    "Professor",
    "PhD Candidate",
    "Research Fellow",
    "Journalist",
    "Editor",
    "Community Manager",
    "Program Officer",
    "Policy Analyst",
    "Consultant",
    "Operations Lead",
    "Customer Success Manager",
    "Legal Counsel",
    "Procurement Specialist",
    "Social Entrepreneur",
    "Photographer",
    "Architect",
    "Doctor",
    "Kepala Divisi SDM",
    "Staf Ahli",
    "Manajer Proyek",
    "Dosen",
];
const TAGS: &[&str] = &[
    "fintech",
    "mentor",
    "mentee",
    "startup",
    "investor",
    "design",
    "engineering",
    "hr",
    "hiring",
    "alumni-itb",
    "alumni-ui",
    "alumni-ugm",
    "jakarta",
    "bandung",
    "surabaya",
    "yogyakarta",
    "bali",
    "singapore",
    "remote",
    "ngo",
    "government",
    "media",
    "climate",
    "health",
    "edtech",
    "agritech",
    "ecommerce",
    "speaker",
    "podcast",
    "volunteer",
    "church",
    "mosque",
    "badminton",
    "running",
    "book-club",
    "family-friend",
    "neighbour",
    "toastmasters",
    "conference",
    "client",
    "supplier",
    "potential-client",
    "recruiter",
    "research",
];
const MET_AT: &[&str] = &[
    "Jakarta Fintech Meetup",
    "Tech in Asia Conference",
    "University, ITB",
    "University, UI Depok",
    "Kampus UGM, Yogyakarta",
    "Coworking space in SCBD",
    "Bandung startup weekend",
    "Toastmasters club, Kuningan",
    "Friend's wedding in Surabaya",
    "Lebaran open house",
    "Cold email about their article",
    "LinkedIn message after my talk",
    "Office, same floor",
    "Previous job",
    "Hackathon at Bali",
    "Badminton on Sundays",
    "Kids' school parents group",
    "Arisan",
    "Volunteer day at the orphanage",
    "Book club, Kemang",
    "Flight to Singapore, seat next to me",
    "Alumni gathering",
    "Panel discussion at Kominfo",
    "Masjid study circle",
    "Church choir",
    "Online course cohort",
    "Climate summit in Bangkok",
    "Trade fair, JIExpo Kemayoran",
];
const IMPRESSIONS: &[&str] = &[
    "Warm and curious; asked more than she talked",
    "Sharp, a little guarded at first",
    "Funny, great storyteller",
    "Very precise; follows up in writing",
    "Quiet but every word counts",
    "Generous with introductions",
    "Busy — answered emails at midnight",
    "Ramah sekali, langsung akrab",
    "Pendiam, tapi idenya bagus",
    "Energetic, knows everyone in the room",
    "Thoughtful about hiring juniors",
    "Skeptical of startups, loves data",
    "Kind; remembered my name a year later",
    "Tegas dan to the point",
];
const NOTES: &[&str] = &[
    "Looking for a senior backend role in Q1; happy to refer.",
    "Has two kids at the same school as ours.",
    "Wants to move into product management — send the reading list.",
    "Runs a podcast on Indonesian startups; might invite me as a guest.",
    "Suka kopi tubruk, jangan ajak ke kafe mahal.",
    "Introduced me to the HR team at a bank. Owe them a thank-you.",
    "Vegetarian. Prefers calls after 4 pm Jakarta time.",
    "Moving to Singapore next year for a regional role.",
    "Sedang mencari investor untuk usaha kateringnya.",
    "Mentor from the accelerator programme; monthly check-ins.",
    "Great at negotiation; ask about salary benchmarks.",
    "Writes a newsletter about climate policy in Southeast Asia.",
    "Asked me to review their CV — did it in March.",
    "Plays badminton every Sunday morning at GOR Senayan.",
    "Birthday in August. Likes durian, dislikes karaoke.",
    "Knows the organisers of the big fintech conference.",
    "Recently became a father; congratulate properly.",
    "Teaching evening classes in data analysis; could use guest speakers.\nAsked twice, I said maybe.",
    "Alumni association treasurer — the person to ask about the scholarship fund.",
    "Baru pindah kerja ke Surabaya, mau dikenalkan ke komunitas di sana.",
];
const TOPICS: &[&str] = &[
    "career plans",
    "the fintech regulation draft",
    "hiring for their team",
    "a possible collaboration",
    "their new startup idea",
    "my job search",
    "salary benchmarks",
    "the alumni event",
    "climate finance",
    "a reference for the scholarship",
    "the community meetup",
    "product roadmaps",
    "moving abroad",
    "their family news",
    "the book club pick",
    "a freelance project",
];
const ID_TOPICS: &[&str] =
    &["rencana karier", "lowongan di kantornya", "acara alumni", "proyek bersama", "kabar keluarga", "ide usaha"];
const PLACES: &[&str] = &[
    "Kopi Kenangan, Sudirman",
    "their office",
    "a warung near Blok M",
    "Zoom",
    "Google Meet",
    "the conference hall",
    "Plaza Indonesia food court",
    "a coworking space in Kemang",
    "Starbucks Kota Kasablanka",
    "the alumni gathering",
];

const ID_PLACES: &[&str] =
    &["kantornya", "warung dekat Blok M", "Kopi Kenangan Sudirman", "acara alumni", "Zoom", "kafe di Kemang"];

fn culture_names(
    c: Culture,
) -> (&'static [&'static str], &'static [&'static str], &'static str, &'static [&'static str]) {
    use Culture::*;
    match c {
        Javanese => (JAVANESE_GIVEN, JAVANESE_FAMILY, "+62", ID_ORGS),
        Sundanese => (SUNDANESE_GIVEN, SUNDANESE_FAMILY, "+62", ID_ORGS),
        Batak => (BATAK_GIVEN, BATAK_FAMILY, "+62", ID_ORGS),
        Minang => (MINANG_GIVEN, MINANG_FAMILY, "+62", ID_ORGS),
        Balinese => (BALINESE_GIVEN, BALINESE_FAMILY, "+62", ID_ORGS),
        Bugis => (BUGIS_GIVEN, BUGIS_FAMILY, "+62", ID_ORGS),
        ChineseIndonesian => (CHINESE_INDONESIAN_GIVEN, CHINESE_INDONESIAN_FAMILY, "+62", ID_ORGS),
        Indian => (INDIAN_GIVEN, INDIAN_FAMILY, "+91", ASIA_ORGS),
        Chinese => (CHINESE_GIVEN, CHINESE_FAMILY, "+86", ASIA_ORGS),
        Japanese => (JAPANESE_GIVEN, JAPANESE_FAMILY, "+81", ASIA_ORGS),
        Korean => (KOREAN_GIVEN, KOREAN_FAMILY, "+82", ASIA_ORGS),
        Vietnamese => (VIETNAMESE_GIVEN, VIETNAMESE_FAMILY, "+84", ASIA_ORGS),
        Filipino => (FILIPINO_GIVEN, FILIPINO_FAMILY, "+63", ASIA_ORGS),
        Arabic => (ARABIC_GIVEN, ARABIC_FAMILY, "+971", MIDEAST_ORGS),
        WestAfrican => (WEST_AFRICAN_GIVEN, WEST_AFRICAN_FAMILY, "+234", AFRICA_ORGS),
        EastAfrican => (EAST_AFRICAN_GIVEN, EAST_AFRICAN_FAMILY, "+254", AFRICA_ORGS),
        SouthernAfrican => (SOUTHERN_AFRICAN_GIVEN, SOUTHERN_AFRICAN_FAMILY, "+27", AFRICA_ORGS),
        German => (GERMAN_GIVEN, GERMAN_FAMILY, "+49", EUROPE_ORGS),
        French => (FRENCH_GIVEN, FRENCH_FAMILY, "+33", EUROPE_ORGS),
        Dutch => (DUTCH_GIVEN, DUTCH_FAMILY, "+31", EUROPE_ORGS),
        Nordic => (NORDIC_GIVEN, NORDIC_FAMILY, "+46", EUROPE_ORGS),
        Polish => (POLISH_GIVEN, POLISH_FAMILY, "+48", EUROPE_ORGS),
        Spanish => (SPANISH_GIVEN, SPANISH_FAMILY, "+34", EUROPE_ORGS),
        Portuguese => (PORTUGUESE_GIVEN, PORTUGUESE_FAMILY, "+351", EUROPE_ORGS),
        Italian => (ITALIAN_GIVEN, ITALIAN_FAMILY, "+39", EUROPE_ORGS),
        English => (ENGLISH_GIVEN, ENGLISH_FAMILY, "+44", EUROPE_ORGS),
        Turkish => (TURKISH_GIVEN, TURKISH_FAMILY, "+90", MIDEAST_ORGS),
        LatinAmerican => (LATIN_GIVEN, LATIN_FAMILY, "+52", AMERICAS_ORGS),
        Brazilian => (BRAZILIAN_GIVEN, BRAZILIAN_FAMILY, "+55", AMERICAS_ORGS),
    }
}

fn person(rng: &mut Rng) -> Person {
    let weights: Vec<u32> = CULTURES.iter().map(|(_, w)| *w).collect();
    let culture = CULTURES[rng.weighted(&weights)].0;
    let (givens, families, phone_prefix, local_orgs) = culture_names(culture);
    let given = givens[rng.below(givens.len())].to_string();
    let family = families[rng.below(families.len())].to_string();
    let full = match culture {
        // Many Javanese use one name; a few keep a father's name as a second word.
        Culture::Javanese if rng.chance(0.3) => return mononym(given, phone_prefix, local_orgs),
        Culture::Javanese if rng.chance(0.2) => {
            let second = givens[rng.below(givens.len())];
            format!("{given} {second} {family}")
        }
        // Family name first, as written at home.
        Culture::Chinese | Culture::Korean | Culture::Vietnamese if rng.chance(0.5) => format!("{family} {given}"),
        Culture::Chinese if rng.chance(0.15) => {
            return script_name(rng, CHINESE_SCRIPT, phone_prefix, local_orgs);
        }
        Culture::Japanese if rng.chance(0.15) => {
            return script_name(rng, JAPANESE_SCRIPT, phone_prefix, local_orgs);
        }
        Culture::Arabic if rng.chance(0.08) => return script_name(rng, ARABIC_SCRIPT, phone_prefix, local_orgs),
        Culture::Arabic if rng.chance(0.3) => format!("{given} bin {}", ARABIC_GIVEN[rng.below(ARABIC_GIVEN.len())]),
        Culture::LatinAmerican | Culture::Spanish if rng.chance(0.5) => {
            let mother = families[rng.below(families.len())];
            format!("{given} {family} {mother}")
        }
        _ => format!("{given} {family}"),
    };
    Person { given, family, full, phone_prefix, local_orgs }
}

fn mononym(given: String, phone_prefix: &'static str, local_orgs: &'static [&'static str]) -> Person {
    Person { full: given.clone(), given, family: String::new(), phone_prefix, local_orgs }
}

fn script_name(rng: &mut Rng, names: &[&str], phone_prefix: &'static str, orgs: &'static [&'static str]) -> Person {
    let full = names[rng.below(names.len())].to_string();
    Person { given: full.clone(), family: String::new(), full, phone_prefix, local_orgs: orgs }
}

// ---------------------------------------------------------------------------------
// The network.

fn network(rng: &mut Rng, people: &[Person], now: DateTime<Utc>, at_least: usize) -> Network {
    let n = people.len();
    let two_years = Duration::days(730);
    let start = now - two_years;
    let mut taken: HashSet<String> = HashSet::with_capacity(n);
    let mut contacts = Vec::with_capacity(n);
    for (i, p) in people.iter().enumerate() {
        // Contacts were added over the two years, in file order (a big first import
        // is the first tenth).
        let frac = if i < n / 10 { 0.0 } else { i as f64 / n as f64 };
        let jitter = Duration::seconds(rng.below(3600 * 8) as i64);
        let added = start + Duration::seconds((two_years.num_seconds() as f64 * frac * 0.98) as i64) + jitter;
        let id = uuid_at(rng, added);
        let handle = new_handle(&id, |h| taken.contains(h));
        taken.insert(handle.clone());
        let mut c = Contact::new(id, handle, p.full.clone(), added);
        fill_contact(rng, &mut c, p, added);
        contacts.push(c);
    }

    // About three interactions per contact: some people are talked to every week,
    // many once or never. A tenth of them are group conversations.
    let mut interactions = Vec::with_capacity(n * 3);
    for (i, c) in contacts.iter().enumerate() {
        let closeness = rng.unit();
        let count = (closeness * closeness * closeness * 13.3 + rng.unit() * 0.4) as usize;
        let earliest = (c.added - Duration::days(60)).max(start);
        for _ in 0..count {
            let span = (now - earliest).num_seconds().max(1) as usize;
            let at = earliest + Duration::seconds(rng.below(span) as i64);
            let mut with = vec![c.id];
            if rng.chance(0.1) {
                for _ in 0..1 + rng.below(3) {
                    let other = contacts[rng.below(n)].id;
                    if !with.contains(&other) && other != contacts[i].id {
                        with.push(other);
                    }
                }
            }
            interactions.push(interaction(rng, with, at, now, people));
        }
    }
    // More, when asked for: people picked at random, a tenth with a group.
    while interactions.len() < at_least {
        let c = &contacts[rng.below(n)];
        let span = (now - c.added.max(start)).num_seconds().max(1) as usize;
        let at = c.added.max(start) + Duration::seconds(rng.below(span) as i64);
        let mut with = vec![c.id];
        if rng.chance(0.1) {
            for _ in 0..1 + rng.below(3) {
                let other = contacts[rng.below(n)].id;
                if !with.contains(&other) {
                    with.push(other);
                }
            }
        }
        interactions.push(interaction(rng, with, at, now, people));
    }
    // The file keeps interactions in the order they were logged.
    interactions.sort_by_key(|i: &Interaction| i.logged);
    for i in &mut interactions {
        i.id = uuid_at(rng, i.logged);
    }

    let mut settings = Map::new();
    settings.insert("weekly_minutes".into(), Value::from(90));
    Network { settings, contacts, interactions, ..Network::default() }
}

fn fill_contact(rng: &mut Rng, c: &mut Contact, p: &Person, added: DateTime<Utc>) {
    c.circle =
        [Circle::Colleague, Circle::Friend, Circle::Other, Circle::Family][rng.weighted(&[45, 25, 22, 8])].clone();
    c.stage = [Stage::Stranger, Stage::Acquaintance, Stage::Connection, Stage::Trusted]
        [rng.weighted(&[10, 45, 35, 10])]
    .clone();
    if c.circle != Circle::Family && rng.chance(0.85) {
        let pool = if rng.chance(0.7) { p.local_orgs } else { GLOBAL_ORGS };
        c.org = Some(pool[rng.below(pool.len())].to_string());
        if rng.chance(0.9) {
            c.role = Some(ROLES[rng.below(ROLES.len())].to_string());
        }
    }
    let local = email_local(rng, p);
    if rng.chance(0.8) {
        let domain = match &c.org {
            Some(org) if rng.chance(0.6) => format!("{}.example", slug(org)),
            _ => ["example.com", "example.co.id", "mail.example", "example.org"][rng.below(4)].to_string(),
        };
        c.emails.push(format!("{local}@{domain}"));
        if rng.chance(0.2) {
            c.emails.push(format!("{local}{}@example.com", rng.digits(2)));
        }
    }
    if rng.chance(0.7) {
        c.phones.push(phone(rng, p.phone_prefix));
        if rng.chance(0.1) {
            c.phones.push(phone(rng, p.phone_prefix));
        }
    }
    for _ in 0..rng.weighted(&[20, 30, 25, 15, 10]) {
        let tag = TAGS[rng.below(TAGS.len())].to_string();
        if !c.tags.contains(&tag) {
            c.tags.push(tag);
        }
    }
    if rng.chance(0.75) {
        let at = rng.pick(MET_AT);
        c.met_at = Some(if rng.chance(0.3) { format!("{at} {}", 2016 + rng.below(10)) } else { at.to_string() });
    }
    if rng.chance(0.6) {
        c.met_on = Some(added.date_naive() - Duration::days(rng.below(3650) as i64));
    }
    if rng.chance(0.5) {
        c.impression = Some(rng.pick(IMPRESSIONS).to_string());
    }
    if rng.chance(0.4) {
        let every = ["1w", "2w", "30d", "1m", "2m", "3m", "6m", "1y"][rng.weighted(&[5, 15, 10, 25, 15, 20, 7, 3])];
        c.every = Some(every.parse::<Cadence>().expect("valid cadence"));
    }
    if rng.chance(0.9) {
        let mut note = rng.pick(NOTES).to_string();
        if rng.chance(0.25) {
            note.push(' ');
            note.push_str(rng.pick(NOTES));
        }
        c.note = Some(note);
    }
}

fn interaction(
    rng: &mut Rng,
    contacts: Vec<Uuid>,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    people: &[Person],
) -> Interaction {
    let kind = [Kind::Message, Kind::Meeting, Kind::Call, Kind::Email, Kind::Event, Kind::Intro, Kind::Other]
        [rng.weighted(&[30, 20, 15, 15, 10, 5, 5])]
    .clone();
    let on = at.date_naive();
    // Most are logged the same day, some a few days later; never after "now".
    let delay = if rng.chance(0.7) { rng.below(6 * 3600) } else { rng.below(4 * 86400) };
    let logged = (at + Duration::seconds(delay as i64)).min(now);
    let text = rng.chance(0.85).then(|| {
        let topic = rng.pick(TOPICS);
        match rng.below(8) {
            0 => format!("Talked about {topic}."),
            1 => format!("Coffee at {} — {topic}. Follow up next month.", rng.pick(PLACES)),
            2 => format!("Ngobrol soal {}.", rng.pick(ID_TOPICS)),
            3 => {
                let who = &people[rng.below(people.len())].full;
                format!("Asked for an intro to {who}; said yes.")
            }
            4 => format!("Quick message about {topic}"),
            5 => format!(
                "Long call about {topic}. They are thinking of changing jobs and asked what I would do.\n\
                 Promised to send two contacts by Friday."
            ),
            6 => format!("Ketemu di {}, bahas {}.", rng.pick(ID_PLACES), rng.pick(ID_TOPICS)),
            _ => format!("Shared an article on {topic}"),
        }
    });
    Interaction {
        id: Uuid::nil(),
        contacts,
        kind,
        on,
        text,
        they_reached_out: rng.chance(0.35),
        logged,
        source: None,
        extra: Map::new(),
    }
}

/// A version 7 id for a moment, with random bits from the seeded generator.
fn uuid_at(rng: &mut Rng, at: DateTime<Utc>) -> Uuid {
    let mut random = [0u8; 10];
    random[..8].copy_from_slice(&rng.next().to_le_bytes());
    random[8..].copy_from_slice(&rng.next().to_le_bytes()[..2]);
    uuid::Builder::from_unix_timestamp_millis(at.timestamp_millis() as u64, &random).into_uuid()
}

fn email_local(rng: &mut Rng, p: &Person) -> String {
    let fold = |s: &str| slug(&deunicode::deunicode(s)).replace('-', "");
    let (g, f) = (fold(&p.given), fold(&p.family));
    let local = match (f.is_empty(), rng.below(4)) {
        (true, _) => g,
        (false, 0) => format!("{g}.{f}"),
        (false, 1) => format!("{}{f}", g.chars().next().unwrap_or('x')),
        (false, 2) => format!("{g}_{f}"),
        _ => format!("{g}{f}"),
    };
    if local.is_empty() { format!("user{}", rng.digits(5)) } else { local }
}

fn slug(s: &str) -> String {
    let ascii = deunicode::deunicode(s).to_lowercase();
    let mut out = String::new();
    for ch in ascii.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn phone(rng: &mut Rng, prefix: &str) -> String {
    match prefix {
        "+62" => format!("+62 81{}-{}-{}", rng.digits(1), rng.digits(4), rng.digits(4)),
        "+91" => format!("+91 9{} {}", rng.digits(4), rng.digits(5)),
        "+86" => format!("+86 13{} {} {}", rng.digits(1), rng.digits(4), rng.digits(4)),
        "+81" => format!("+81 90-{}-{}", rng.digits(4), rng.digits(4)),
        "+55" => format!("+55 11 9{}-{}", rng.digits(4), rng.digits(4)),
        other => format!("{other} {} {} {}", rng.digits(3), rng.digits(3), rng.digits(4)),
    }
}

// ---------------------------------------------------------------------------------
// vCard 3.0 (RFC 2426): escaped values, lines folded at 75 octets, CRLF.

fn write_vcard(out: &mut impl Write, p: &Person, c: &Contact) -> std::io::Result<()> {
    let mut lines = vec![
        "BEGIN:VCARD".to_string(),
        "VERSION:3.0".to_string(),
        format!("UID:urn:uuid:{}", c.id),
        format!("FN:{}", esc(&c.name)),
        format!("N:{};{};;;", esc(&p.family), esc(&p.given)),
    ];
    if let Some(org) = &c.org {
        lines.push(format!("ORG:{}", esc(org)));
    }
    if let Some(role) = &c.role {
        lines.push(format!("TITLE:{}", esc(role)));
    }
    for (i, e) in c.emails.iter().enumerate() {
        let kind = if i == 0 { "INTERNET,WORK,PREF" } else { "INTERNET,HOME" };
        lines.push(format!("EMAIL;TYPE={kind}:{e}"));
    }
    for p in &c.phones {
        lines.push(format!("TEL;TYPE=CELL,VOICE:{p}"));
    }
    if !c.tags.is_empty() {
        let tags: Vec<String> = c.tags.iter().map(|t| esc(t)).collect();
        lines.push(format!("CATEGORIES:{}", tags.join(",")));
    }
    if let Some(note) = &c.note {
        lines.push(format!("NOTE:{}", esc(note)));
    }
    lines.push(format!("REV:{}", c.added.format("%Y-%m-%dT%H:%M:%SZ")));
    lines.push("END:VCARD".to_string());
    for line in lines {
        fold_line(out, &line)?;
    }
    Ok(())
}

fn esc(s: &str) -> String {
    s.replace('\\', "\\\\").replace(',', "\\,").replace(';', "\\;").replace('\n', "\\n")
}

/// Writes a content line, folding it so no physical line exceeds 75 octets (never
/// inside a UTF-8 character).
fn fold_line(out: &mut impl Write, line: &str) -> std::io::Result<()> {
    let mut width = 0;
    for ch in line.chars() {
        let len = ch.len_utf8();
        if width + len > 75 {
            out.write_all(b"\r\n ")?;
            width = 1;
        }
        let mut buf = [0u8; 4];
        out.write_all(ch.encode_utf8(&mut buf).as_bytes())?;
        width += len;
    }
    out.write_all(b"\r\n")
}
