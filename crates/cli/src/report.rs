//! `coso report …`: meeting compliance, superior attendance and the rating's statistics, as
//! JSON or Excel files.
use clap::{Subcommand, ValueEnum};
use coso_app::{Actor, App};

use crate::{Failure, out, parse_date};

#[derive(Subcommand)]
pub enum ReportCommand {
    /// Meeting compliance of the cells under an organization over a period.
    Meetings {
        #[arg(long)]
        org: String,
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
        format: ReportFormat,
        /// Where to write the Excel file (default: a name in the current folder).
        #[arg(long)]
        output: Option<String>,
    },
    /// The year's rating statistics: TCCSĐ and members by tier (issue 10).
    Ratings {
        #[arg(long)]
        year: i32,
        /// Only under this unit (its code), as the tree stood at the year's end.
        #[arg(long)]
        org: Option<String>,
        #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
        format: ReportFormat,
        #[arg(long)]
        output: Option<String>,
    },
    /// Pilot units selected in a period: by the city and by the committees below it (issue 11).
    Pilots {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
        format: ReportFormat,
        #[arg(long)]
        output: Option<String>,
    },
    /// Training classes starting in a period, with totals by category and audience.
    Training {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
        format: ReportFormat,
        #[arg(long)]
        output: Option<String>,
    },
    /// Superior committee members' attendance of cell meetings and their yearly quotas.
    Superiors {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        /// The quota year (default: the year of --to).
        #[arg(long)]
        year: Option<i32>,
        #[arg(long, value_enum, default_value_t = ReportFormat::Json)]
        format: ReportFormat,
        #[arg(long)]
        output: Option<String>,
    },
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

pub fn run(app: &App, command: ReportCommand) -> Result<(), Failure> {
    let sys = Actor::system();
    match command {
        ReportCommand::Meetings { org, from, to, format, output } => {
            let (from, to) = (parse_date(&from)?, parse_date(&to)?);
            match format {
                ReportFormat::Json => json(&app.meeting_compliance(&sys, &org, from, to)?),
                ReportFormat::Xlsx => {
                    let bytes = app.meeting_register_xlsx(&sys, &org, from, to)?;
                    write_file(
                        &output.unwrap_or_else(|| format!("so-sinh-hoat-{org}-{from}-{to}.xlsx")),
                        &bytes,
                    )
                }
            }
        }
        ReportCommand::Ratings { year, org, format, output } => match format {
            ReportFormat::Json => json(&app.rating_stats(&sys, year, org.as_deref())?),
            ReportFormat::Xlsx => {
                let bytes = app.rating_stats_xlsx(&sys, year, org.as_deref())?;
                write_file(&output.unwrap_or_else(|| format!("xep-loai-chat-luong-{year}.xlsx")), &bytes)
            }
        },
        ReportCommand::Pilots { from, to, format, output } => {
            let (from, to) = (parse_date(&from)?, parse_date(&to)?);
            match format {
                ReportFormat::Json => json(&app.pilot_report(&sys, from, to)?),
                ReportFormat::Xlsx => write_file(
                    &output.unwrap_or_else(|| format!("chi-dao-diem-{from}-{to}.xlsx")),
                    &app.pilot_report_xlsx(&sys, from, to)?,
                ),
            }
        }
        ReportCommand::Training { from, to, format, output } => {
            let (from, to) = (parse_date(&from)?, parse_date(&to)?);
            match format {
                ReportFormat::Json => json(&app.training_report(&sys, from, to)?),
                ReportFormat::Xlsx => write_file(
                    &output.unwrap_or_else(|| format!("dao-tao-boi-duong-{from}-{to}.xlsx")),
                    &app.training_report_xlsx(&sys, from, to)?,
                ),
            }
        }
        ReportCommand::Superiors { from, to, year, format, output } => {
            let (from, to) = (parse_date(&from)?, parse_date(&to)?);
            let year = year.unwrap_or_else(|| chrono::Datelike::year(&to));
            match format {
                ReportFormat::Json => json(&app.superior_report(&sys, from, to, year)?),
                ReportFormat::Xlsx => {
                    let bytes = app.superior_report_xlsx(&sys, from, to, year)?;
                    write_file(&output.unwrap_or_else(|| format!("du-sinh-hoat-{from}-{to}.xlsx")), &bytes)
                }
            }
        }
    }
}
