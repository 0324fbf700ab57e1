//! Times coso's main reads on a generated tree of chosen size; see docs/performance.md.
use std::time::{Duration, Instant};

use clap::Parser;
use coso_app::members::MemberQuery;
use coso_app::{Actor, App, AppResult};
use coso_bench::peak_rss_mib;
use coso_demo::scale::Scale;
use coso_domain::access::Role;

#[derive(Parser)]
struct Args {
    #[arg(long, default_value = "sqlite://target/bench-scale.db")]
    database_url: String,
    /// city, province or national (see `coso demo --scale`).
    #[arg(long, default_value = "city")]
    scale: String,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    #[arg(long, default_value_t = 20)]
    runs: usize,
}

/// Times `f` `runs` times, prints p50/p95/max and returns the p50.
fn time<T, E>(label: &str, runs: usize, mut f: impl FnMut() -> Result<T, E>) -> Result<Duration, E> {
    let mut samples: Vec<Duration> = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        f()?;
        samples.push(start.elapsed());
    }
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let p = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "{label:<44} p50 {:>8.2} ms  p95 {:>8.2} ms  max {:>8.2} ms",
        ms(p(0.5)),
        ms(p(0.95)),
        ms(p(1.0))
    );
    Ok(p(0.5))
}

/// A use case beside its store call alone (the SQL and the decoding of its rows), on the
/// same database in the same run: what access, mapping and paging add (issue 9.8).
fn beside_store<T, U>(
    label: &str,
    runs: usize,
    use_case: impl FnMut() -> AppResult<T>,
    store: impl FnMut() -> coso_store::StoreResult<U>,
) -> AppResult<()> {
    let whole = time(label, runs, use_case)?;
    let alone = time(&format!("  {label}: store alone"), runs, store)?;
    println!("  ratio {:.2}", whole.as_secs_f64() / alone.as_secs_f64().max(1e-9));
    Ok(())
}

fn main() -> AppResult<()> {
    let args = Args::parse();
    let app = App::open(&args.database_url)?;
    let sys = Actor::system();
    let today = coso_app::today();
    if app.is_empty()? {
        let scale = Scale::from_code(&args.scale)
            .ok_or_else(|| coso_app::AppError::field("scale", "city, province or national"))?;
        let start = Instant::now();
        let summary = coso_demo::scale::generate(&app, scale, args.seed, |done, total| {
            if done % 100 == 0 || done == total {
                eprint!("\rgenerating: {done}/{total} grassroots organizations");
            }
        })?;
        eprintln!();
        let secs = start.elapsed().as_secs_f64();
        println!(
            "generated {} organizations and {} members in {secs:.1} s ({:.0} members/s)",
            summary.organizations,
            summary.members,
            summary.members as f64 / secs
        );
    }
    let stats = app.org_stats(&sys, today)?;
    println!(
        "tree: {} TCCSĐ, {} subordinate cells, {} members",
        stats.grassroots_total,
        stats.subordinate_cells,
        stats.members_official + stats.members_probationary
    );
    let one = app.search_orgs(&sys, "Đảng bộ cơ sở", today, 1)?;
    let committee = one.first().ok_or_else(|| coso_app::AppError::NotFound("đảng bộ cơ sở".into()))?;
    let ward = Actor {
        role: Role::OrgAdmin,
        scope_path: Some(app.org_detail(&sys, &committee.code, today)?.org.path.clone()),
        ..Actor::system()
    };
    let runs = args.runs;
    time("stats orgs, whole tree (counts as of a date)", runs, || app.org_stats(&sys, today))?;
    time("stats orgs of one grassroots committee", runs, || app.org_stats(&ward, today))?;
    time("tree of one grassroots committee (scoped)", runs, || app.tree(&ward, today))?;
    time("members of the whole tree, page 1", runs, || app.list_members(&sys, &MemberQuery::default()))?;
    let db = coso_store::Db::connect(&args.database_url)?;
    let filter = |scope: &str, q: Option<&str>| coso_store::members::MemberFilter {
        scope_path: scope.into(),
        query: q.map(String::from),
        statuses: Vec::new(),
        today: Some(today),
        limit: 25,
        offset: 0,
        after: None,
    };
    let ward_path = ward.scope_path.clone().unwrap_or_default();
    beside_store(
        "members of one committee, page 1 (scoped)",
        runs,
        || app.list_members(&ward, &MemberQuery::default()),
        || db.read(|c| coso_store::members::list(c, &filter(&ward_path, None))),
    )?;
    beside_store(
        "member search 'nguyen van an', whole tree",
        runs,
        || app.list_members(&sys, &MemberQuery { q: Some("nguyen van an".into()), ..Default::default() }),
        || db.read(|c| coso_store::members::list(c, &filter("/", Some("nguyen van an")))),
    )?;
    beside_store(
        "member search 'nguyen van', whole tree",
        runs,
        || app.list_members(&sys, &MemberQuery { q: Some("nguyen van".into()), ..Default::default() }),
        || db.read(|c| coso_store::members::list(c, &filter("/", Some("nguyen van")))),
    )?;
    time("member search by card prefix, whole tree", runs, || {
        app.list_members(&sys, &MemberQuery { q: Some("0000012".into()), ..Default::default() })
    })?;
    time("organization page of a committee", runs, || app.org_detail(&sys, &committee.code, today))?;
    time("whole tree as of a past date", runs.min(5), || {
        app.tree(&sys, chrono::NaiveDate::from_ymd_opt(2016, 6, 1).unwrap_or(today))
    })?;
    // The overview report (issue 13): every figure of a committee over the seed's period.
    let since = chrono::NaiveDate::from_ymd_opt(2016, 1, 1).unwrap_or(today);
    // A district-level committee: the root, or the first of a province's districts.
    let head = app
        .tree(&sys, today)?
        .orgs
        .into_iter()
        .find(|o| o.kind == coso_domain::org::OrgKind::CityCommittee)
        .map(|o| o.code)
        .unwrap_or_default();
    time("overview of a district-level committee, 2016 to today", runs.min(5), || {
        app.overview(&sys, since, today, Some(&head))
    })?;
    time("overview of one grassroots committee, 2016 to today", runs, || {
        app.overview(&ward, since, today, Some(&committee.code))
    })?;
    time("overview of a district-level committee as a Word file", runs.min(5), || {
        app.overview_file(&sys, since, today, Some(&head), coso_app::overview::OverviewFormat::Docx)
    })?;
    println!("peak RSS {:.0} MiB", peak_rss_mib());
    Ok(())
}
