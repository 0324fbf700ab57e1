//! `coso report …`: meeting compliance, superior attendance and the rating's statistics, as
//! JSON or Excel files.
use clap::{Args, Subcommand, ValueEnum};
use coso_app::{Actor, App};

use crate::{Failure, out, parse_date};

/// A report's period, read as users write dates.
#[derive(Args)]
pub struct Period {
    #[arg(long)]
    from: String,
    #[arg(long)]
    to: String,
}

impl Period {
    fn days(&self) -> Result<(chrono::NaiveDate, chrono::NaiveDate), Failure> {
        Ok((parse_date(&self.from)?, parse_date(&self.to)?))
    }
}

/// Where a report goes: JSON on standard output, or an Excel file.
#[derive(Args)]
pub struct Output {
    #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
    format: ReportFormat,
    /// Where to write the Excel file (default: a name in the current folder).
    #[arg(long)]
    output: Option<String>,
}

#[derive(Subcommand)]
pub enum ReportCommand {
    /// Meeting compliance of the cells under an organization over a period.
    Meetings {
        #[arg(long)]
        org: String,
        #[command(flatten)]
        period: Period,
        #[command(flatten)]
        out: Output,
    },
    /// The year's rating statistics: TCCSĐ and members by tier (issue 10).
    Ratings {
        #[arg(long)]
        year: i32,
        /// Only under this unit (its code), as the tree stood at the year's end.
        #[arg(long)]
        org: Option<String>,
        #[command(flatten)]
        out: Output,
    },
    /// Pilot units selected in a period: by the city and by the committees below it (issue 11).
    Pilots {
        #[command(flatten)]
        period: Period,
        #[command(flatten)]
        out: Output,
    },
    /// Training classes starting in a period, with totals by category and audience.
    Training {
        #[command(flatten)]
        period: Period,
        #[command(flatten)]
        out: Output,
    },
    /// The overview report of a committee's party-building work over a period (issue 13): the
    /// tree, pilots, superior attendances, training, ratings by year, targets, plans, documents.
    Overview {
        #[command(flatten)]
        period: Period,
        /// The committee reported on (its code); the only root by default.
        #[arg(long)]
        org: Option<String>,
        #[arg(long, value_enum, default_value_t = OverviewFormat::Json)]
        format: OverviewFormat,
        /// Where to write the file (text and JSON go to standard output unless told).
        #[arg(short = 'o', long)]
        output: Option<String>,
    },
    /// Superior committee members' attendance of cell meetings and their yearly quotas.
    Superiors {
        #[command(flatten)]
        period: Period,
        /// The quota year (default: the year of --to).
        #[arg(long)]
        year: Option<i32>,
        #[command(flatten)]
        out: Output,
    },
}

/// The overview's forms: its figures as JSON, or the report as text, Word or Excel.
#[derive(Clone, Copy, ValueEnum)]
pub enum OverviewFormat {
    Json,
    Text,
    Docx,
    Xlsx,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ReportFormat {
    Json,
    Xlsx,
}

fn json<T: serde::Serialize>(value: &T) -> Result<(), Failure> {
    out(&serde_json::to_string_pretty(value).map_err(|e| Failure(e.to_string()))?)
}

fn write_file(path: &str, bytes: &[u8]) -> Result<(), Failure> {
    // Written beside, then renamed: a reader never sees half a file.
    let partial = format!("{path}.part");
    std::fs::write(&partial, bytes)
        .and_then(|_| std::fs::rename(&partial, path))
        .map_err(|e| Failure(format!("không ghi được tệp {path}: {e}")))?;
    out(path)
}

/// Prints the report as JSON, or writes its Excel file under `name` unless told where.
fn emit<T: serde::Serialize>(
    out: Output,
    name: String,
    as_json: impl FnOnce() -> coso_app::AppResult<T>,
    as_xlsx: impl FnOnce() -> coso_app::AppResult<Vec<u8>>,
) -> Result<(), Failure> {
    match out.format {
        ReportFormat::Json => json(&as_json()?),
        ReportFormat::Xlsx => write_file(&out.output.unwrap_or(name), &as_xlsx()?),
    }
}

pub fn run(app: &App, command: ReportCommand) -> Result<(), Failure> {
    let sys = Actor::system();
    match command {
        ReportCommand::Meetings { org, period, out } => {
            let (from, to) = period.days()?;
            emit(
                out,
                format!("so-sinh-hoat-{org}-{from}-{to}.xlsx"),
                || app.meeting_compliance(&sys, &org, from, to),
                || app.meeting_register_xlsx(&sys, &org, from, to),
            )
        }
        ReportCommand::Ratings { year, org, out } => emit(
            out,
            format!("xep-loai-chat-luong-{year}.xlsx"),
            || app.rating_stats(&sys, year, org.as_deref()),
            || app.rating_stats_xlsx(&sys, year, org.as_deref()),
        ),
        ReportCommand::Pilots { period, out } => {
            let (from, to) = period.days()?;
            emit(
                out,
                format!("chi-dao-diem-{from}-{to}.xlsx"),
                || app.pilot_report(&sys, from, to),
                || app.pilot_report_xlsx(&sys, from, to),
            )
        }
        ReportCommand::Training { period, out } => {
            let (from, to) = period.days()?;
            emit(
                out,
                format!("dao-tao-boi-duong-{from}-{to}.xlsx"),
                || app.training_report(&sys, from, to),
                || app.training_report_xlsx(&sys, from, to),
            )
        }
        ReportCommand::Overview { period, org, format, output } => {
            let (from, to) = period.days()?;
            let file = |f| app.overview_file(&sys, from, to, org.as_deref(), f);
            let bytes = match format {
                OverviewFormat::Json => {
                    let figures = app.overview(&sys, from, to, org.as_deref())?;
                    serde_json::to_vec_pretty(&figures).map_err(|e| Failure(e.to_string()))?
                }
                OverviewFormat::Text => file(coso_app::overview::OverviewFormat::Text)?,
                OverviewFormat::Docx => file(coso_app::overview::OverviewFormat::Docx)?,
                OverviewFormat::Xlsx => file(coso_app::overview::OverviewFormat::Xlsx)?,
            };
            let extension = match format {
                OverviewFormat::Json | OverviewFormat::Text => None,
                OverviewFormat::Docx => Some("docx"),
                OverviewFormat::Xlsx => Some("xlsx"),
            };
            match (output, extension) {
                (Some(path), _) => write_file(&path, &bytes),
                (None, Some(ext)) => write_file(&format!("bao-cao-tong-hop-{from}-{to}.{ext}"), &bytes),
                (None, None) => out(String::from_utf8_lossy(&bytes).trim_end()),
            }
        }
        ReportCommand::Superiors { period, year, out } => {
            let (from, to) = period.days()?;
            let year = year.unwrap_or_else(|| chrono::Datelike::year(&to));
            emit(
                out,
                format!("du-sinh-hoat-{from}-{to}.xlsx"),
                || app.superior_report(&sys, from, to, year),
                || app.superior_report_xlsx(&sys, from, to, year),
            )
        }
    }
}
