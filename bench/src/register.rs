//! Times a member register read in (issue 12): 100,000 members from CSV and from .xlsx on
//! SQLite and PostgreSQL, beside the engine's raw insert of the same rows through the store's
//! bulk path in one transaction; prints rows per second and the process's peak memory. One
//! scenario a process, so each peak is its own; `bench/register.sh` runs them all. See
//! docs/performance.md.
use std::time::Instant;

use clap::{Parser, ValueEnum};
use coso_app::orgs::NewOrg;
use coso_app::{Actor, App, AppResult};
use coso_bench::peak_rss_mib;
use coso_domain::date;
use coso_domain::id::{MembershipId, OrgId, PersonId};
use coso_domain::member::{MemberEventKind, MemberStatus, Sex};
use coso_store::members::{MembershipEventRow, MembershipRow, PeriodRow, PersonRow};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Scenario {
    /// Writes the CSV and xlsx files the import scenarios read.
    Files,
    /// The same rows, built in memory, written by the store's bulk path.
    Raw,
    Csv,
    Xlsx,
}

#[derive(Parser)]
struct Args {
    #[arg(long, value_enum)]
    scenario: Scenario,
    /// sqlite (a fresh file) or a PostgreSQL admin URL under which a fresh database is made.
    #[arg(long, default_value = "sqlite")]
    engine: String,
    #[arg(long, default_value_t = 100_000)]
    rows: usize,
    /// Where the files are written and read.
    #[arg(long, default_value = "target/bench-register")]
    dir: String,
}

const CELLS: usize = 200;
const SURNAMES: [&str; 10] = ["Nguyễn", "Hoàng", "Lương", "Vi", "Lò", "Nông", "Hà", "Mông", "Bế", "Đinh"];
const MIDDLE: [&str; 6] = ["Văn", "Thị", "Đức", "Ngọc", "Thanh", "Minh"];
const GIVEN: [&str; 12] =
    ["An", "Bình", "Chi", "Dũng", "Hoa", "Khánh", "Lan", "Minh", "Nga", "Phúc", "Quyết", "Sơn"];

/// Member `i` of the generated register: (name, born, sex, cccd, card, admitted, official, cell).
fn row(i: usize) -> [String; 8] {
    let name = format!("{} {} {} {}", SURNAMES[i % 10], MIDDLE[(i / 10) % 6], GIVEN[(i / 60) % 12], i);
    let year = 1950 + (i % 40) as i32;
    let born =
        chrono::NaiveDate::from_ymd_opt(year, 1 + (i % 12) as u32, 1 + (i % 28) as u32).unwrap_or_default();
    let admitted = born + chrono::Months::new(12 * (20 + (i % 15) as u32));
    let official = admitted + chrono::Months::new(12);
    [
        name,
        date::format(born),
        if i.is_multiple_of(2) { "Nam" } else { "Nữ" }.into(),
        format!("{:012}", 20_000_000_000u64 + i as u64),
        format!("BR{:08}", i),
        date::format(admitted),
        date::format(official),
        cell_code(i % CELLS),
    ]
}

fn cell_code(n: usize) -> String {
    format!("BW-{:03}", n + 1)
}

const HEADER: [&str; 8] = [
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Số CCCD",
    "Số thẻ đảng viên",
    "Ngày vào Đảng",
    "Ngày chính thức",
    "Chi bộ",
];

fn write_files(dir: &str, rows: usize) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(dir)?;
    let mut csv = std::io::BufWriter::new(std::fs::File::create(format!("{dir}/register-{rows}.csv"))?);
    use std::io::Write;
    writeln!(csv, "{}", HEADER.join(";"))?;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *h)?;
    }
    for i in 0..rows {
        let r = row(i);
        writeln!(csv, "{}", r.join(";"))?;
        for (c, v) in r.iter().enumerate() {
            sheet.write_string(i as u32 + 1, c as u16, v)?;
        }
    }
    book.save(format!("{dir}/register-{rows}.xlsx"))?;
    Ok(())
}

/// The tree the rows name: a city committee, a ward committee and its 200 cells.
fn tree(app: &App) -> AppResult<()> {
    let sys = Actor::system();
    let org = |code: &str, name: &str, kind: &str, parent: Option<&str>| NewOrg {
        code: code.into(),
        name: name.into(),
        kind: kind.into(),
        sector: Some("ward_commune".into()),
        parent_code: parent.map(String::from),
        founded_on: "1960-01-01".into(),
        decision_number: "1-QĐ/TU".into(),
    };
    app.create_org(&sys, org("B", "Đảng bộ thành phố Đo", "city_committee", None))?;
    app.create_org(&sys, org("BW", "Đảng bộ phường Đo", "grassroots_committee", Some("B")))?;
    for n in 0..CELLS {
        app.create_org(
            &sys,
            org(&cell_code(n), &format!("Chi bộ khối {}", n + 1), "subordinate_cell", Some("BW")),
        )?;
    }
    Ok(())
}

/// The four tables' rows of a register, as the store writes them.
type StoreRows = (Vec<PersonRow>, Vec<MembershipRow>, Vec<PeriodRow>, Vec<MembershipEventRow>);

/// The rows as the store writes them, built in memory: what the raw insert writes.
fn raw_rows(app: &App, rows: usize) -> AppResult<StoreRows> {
    let sys = Actor::system();
    let mut cells: Vec<OrgId> = Vec::new();
    for n in 0..CELLS {
        cells.push(app.org_detail(&sys, &cell_code(n), coso_app::today())?.org.id.clone());
    }
    let stamp = coso_store::now();
    let (mut persons, mut memberships, mut periods, mut events) = (vec![], vec![], vec![], vec![]);
    for i in 0..rows {
        let r = row(i);
        let person = PersonRow {
            id: PersonId::from(coso_store::new_id()),
            full_name: r[0].clone(),
            name_folded: coso_domain::text::fold(&r[0]),
            birth_name: None,
            born_on: date::parse(&r[1]).unwrap_or_default(),
            sex: if i.is_multiple_of(2) { Sex::Male } else { Sex::Female },
            ethnicity: String::new(),
            religion: String::new(),
            home_town: String::new(),
            residence: String::new(),
            education: String::new(),
            theory_level: String::new(),
            profession: String::new(),
            occupation: String::new(),
            cccd: Some(r[3].clone()),
            phone: None,
            created_at: stamp,
            updated_at: stamp,
        };
        let admitted = date::parse(&r[5]).unwrap_or_default();
        let org_id = cells[i % CELLS].clone();
        let m = MembershipRow {
            id: MembershipId::from(coso_store::new_id()),
            person_id: person.id.clone(),
            card_number: Some(r[4].clone()),
            record_number: None,
            admitted_on: admitted,
            official_on: date::parse(&r[6]),
            status: MemberStatus::Official,
            org_id: org_id.clone(),
            last_event_on: admitted,
            created_at: stamp,
            updated_at: stamp,
        };
        periods.push(PeriodRow {
            id: coso_store::new_id(),
            membership_id: m.id.clone(),
            org_id: org_id.clone(),
            status: MemberStatus::Official,
            valid_from: admitted,
            valid_to: None,
        });
        events.push(MembershipEventRow {
            id: coso_store::new_id(),
            membership_id: m.id.clone(),
            kind: MemberEventKind::TransferIn,
            occurred_on: admitted,
            decision_number: "Nhập từ sổ".into(),
            from_org_id: None,
            to_org_id: Some(org_id),
            status_after: MemberStatus::Official,
            note: String::new(),
            created_at: stamp,
            ground: None,
            approval: String::new(),
            record_cleared_on: None,
        });
        persons.push(person);
        memberships.push(m);
    }
    Ok((persons, memberships, periods, events))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    if args.scenario == Scenario::Files {
        write_files(&args.dir, args.rows)?;
        println!("wrote {0}/register-{1}.csv and {0}/register-{1}.xlsx", args.dir, args.rows);
        return Ok(());
    }
    let test_db =
        if args.engine == "sqlite" { coso_testkit::sqlite() } else { coso_testkit::postgres(&args.engine) };
    let engine = if args.engine == "sqlite" { "sqlite" } else { "postgres" };
    let app = App::with_db(test_db.db.clone());
    tree(&app)?;
    let start;
    match args.scenario {
        Scenario::Raw => {
            let (persons, memberships, periods, events) = raw_rows(&app, args.rows)?;
            start = Instant::now();
            test_db.db.write(|conn| -> coso_store::StoreResult<()> {
                coso_store::members::insert_members(conn, &persons, &memberships, &periods, &events)
            })?;
        }
        Scenario::Csv | Scenario::Xlsx => {
            let ext = if args.scenario == Scenario::Csv { "csv" } else { "xlsx" };
            let path = format!("{}/register-{}.{ext}", args.dir, args.rows);
            let file = std::io::BufReader::new(std::fs::File::open(&path)?);
            start = Instant::now();
            let report = app.import_register(&Actor::system(), "B", file, false, &mut |_| {})?;
            if !report.written || report.created != args.rows {
                return Err(format!(
                    "{path}: {} created, errors {:?}",
                    report.created,
                    report.errors.first()
                )
                .into());
            }
        }
        Scenario::Files => unreachable!("handled above"),
    }
    let secs = start.elapsed().as_secs_f64();
    let scenario = match args.scenario {
        Scenario::Raw => "raw insert",
        Scenario::Csv => "import CSV",
        Scenario::Xlsx => "import xlsx",
        Scenario::Files => "files",
    };
    println!(
        "{engine:<8} {scenario:<12} {:>7} rows {secs:>7.2} s {:>8.0} rows/s  peak RSS {:>6.0} MiB",
        args.rows,
        args.rows as f64 / secs,
        peak_rss_mib()
    );
    Ok(())
}
