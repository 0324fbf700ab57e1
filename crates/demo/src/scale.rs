//! The scale generator: a large synthetic tree and register for benchmarks, written through the
//! same use cases as everything else, one transaction per grassroots organization.
use coso_app::members::MemberInput;
use coso_app::orgs::NewOrg;
use coso_app::{Actor, App, AppResult};

/// How big a tree to generate.
#[derive(Debug, Clone, Copy)]
pub struct ScaleSpec {
    /// Basic party organizations; half are committees with subordinate cells, half are cells.
    pub grassroots: usize,
    pub cells_per_committee: usize,
    pub members_per_cell: usize,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ScaleSummary {
    pub organizations: usize,
    pub members: usize,
}

const FAMILY: [&str; 12] =
    ["Nguyễn", "Hoàng", "Lương", "Vi", "Hà", "Nông", "Lăng", "Chu", "Đinh", "Lộc", "Triệu", "Phạm"];
const MIDDLE: [&str; 6] = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quang"];
const GIVEN: [&str; 16] = [
    "An", "Bình", "Cường", "Dung", "Đông", "Giang", "Hải", "Hạnh", "Khánh", "Lan", "Mai", "Nam", "Phong",
    "Quyên", "Sơn", "Tâm",
];

fn org(code: String, name: String, kind: &str, parent: Option<&str>) -> NewOrg {
    NewOrg {
        code,
        name,
        kind: kind.into(),
        sector: Some("agency".into()),
        parent_code: parent.map(String::from),
        founded_on: "2015-01-01".into(),
        decision_number: "1-QĐ/TU".into(),
    }
}

fn member(n: usize, cell: &str) -> MemberInput {
    let name = format!(
        "{} {} {} {}",
        FAMILY[n % FAMILY.len()],
        MIDDLE[(n / 12) % MIDDLE.len()],
        GIVEN[(n / 72) % GIVEN.len()],
        n
    );
    MemberInput {
        full_name: name,
        born_on: format!("{}-0{}-1{}", 1950 + n % 50, 1 + n % 9, n % 10),
        sex: if n.is_multiple_of(3) { "female" } else { "male" }.into(),
        ethnicity: "Kinh".into(),
        religion: "Không".into(),
        cccd: Some(format!("099{n:09}")),
        card_number: Some(format!("S{n:09}")),
        org_code: cell.into(),
        admitted_on: "2005-06-01".into(),
        official_on: Some("2006-06-01".into()),
        entry: "transfer_in".into(),
        entry_on: Some("2015-01-01".into()),
        decision_number: "1-QĐ/ĐU".into(),
        ..Default::default()
    }
}

/// Generates a tree under a new root `S` with `spec`'s shape. `progress` is told after each
/// grassroots organization (done, total).
pub fn generate(
    app: &App,
    spec: ScaleSpec,
    mut progress: impl FnMut(usize, usize),
) -> AppResult<ScaleSummary> {
    let sys = Actor::system();
    let mut summary = ScaleSummary::default();
    app.transaction(|tx| {
        tx.create_org(&sys, org("S".into(), "Đảng bộ quy mô lớn".into(), "city_committee", None))
    })?;
    summary.organizations += 1;
    let mut n = 0usize;
    for g in 0..spec.grassroots {
        app.transaction(|tx| -> AppResult<()> {
            let code = format!("S-{g:05}");
            if g % 2 == 0 {
                tx.create_org(
                    &sys,
                    org(code.clone(), format!("Đảng bộ cơ sở số {g}"), "grassroots_committee", Some("S")),
                )?;
                summary.organizations += 1;
                for c in 0..spec.cells_per_committee {
                    let cell = format!("{code}-{c:03}");
                    tx.create_org(
                        &sys,
                        org(
                            cell.clone(),
                            format!("Chi bộ {c} thuộc đảng bộ {g}"),
                            "subordinate_cell",
                            Some(&code),
                        ),
                    )?;
                    summary.organizations += 1;
                    for _ in 0..spec.members_per_cell {
                        tx.create_member(&sys, member(n, &cell))?;
                        n += 1;
                    }
                }
            } else {
                tx.create_org(
                    &sys,
                    org(code.clone(), format!("Chi bộ cơ sở số {g}"), "grassroots_cell", Some("S")),
                )?;
                summary.organizations += 1;
                for _ in 0..spec.members_per_cell {
                    tx.create_member(&sys, member(n, &code))?;
                    n += 1;
                }
            }
            Ok(())
        })?;
        progress(g + 1, spec.grassroots);
    }
    summary.members = n;
    Ok(summary)
}
