//! `coso export members`, `coso import members` and `coso reconcile` (issue 12): a unit's
//! member register out as Excel or CSV, in from a file (checked row by row, all or nothing),
//! and compared with a file from another level.
use std::cell::Cell;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::rc::Rc;

use clap::{Subcommand, ValueEnum};
use coso_app::members::{BookFormat, ImportReport, Reconciliation};
use coso_app::{Actor, App};
use serde::Serialize;

use crate::progress::Bar;
use crate::{Failure, out, parse_date};

#[derive(Clone, Copy, ValueEnum)]
pub enum FileFormat {
    Xlsx,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ResultFormat {
    Json,
    Text,
}

#[derive(Subcommand)]
pub enum ExportCommand {
    /// A unit's member register on a day, in the layout of Mẫu 7-HSĐV.
    Members {
        /// The unit's code: its register lists the members of every cell under it.
        #[arg(long)]
        org: String,
        /// The day of the register (dd/mm/yyyy; default today).
        #[arg(long)]
        as_of: Option<String>,
        #[arg(long, value_enum, default_value_t = FileFormat::Xlsx)]
        format: FileFormat,
        /// Where to write the file (default: a name in the current folder).
        #[arg(long)]
        output: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum ImportCommand {
    /// Members from a register or a list (xlsx, xls or CSV): every row checked, every accepted
    /// row written, or nothing if a row has an error.
    Members {
        /// The unit imported into: rows name their cell under it (a cell's own rows need not).
        #[arg(long)]
        org: String,
        #[arg(long)]
        file: String,
        /// Check every row and print the result, writing nothing.
        #[arg(long)]
        dry_run: bool,
        #[arg(long, value_enum, default_value_t = ResultFormat::Text)]
        format: ResultFormat,
    },
}

/// A file read with a count of the bytes read so far, for the progress bar.
struct Counted<R> {
    inner: R,
    read: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.set(self.read.get() + n as u64);
        Ok(n)
    }
}

impl<R: Seek> Seek for Counted<R> {
    fn seek(&mut self, pos: SeekFrom) -> std::io::Result<u64> {
        let at = self.inner.seek(pos)?;
        self.read.set(at);
        Ok(at)
    }
}

fn open_file(path: &str) -> Result<(std::fs::File, u64), Failure> {
    let file = std::fs::File::open(path).map_err(|e| Failure(format!("không mở được tệp {path}: {e}")))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    Ok((file, size))
}

/// What `coso import members --format json` prints.
#[derive(Serialize)]
struct ImportJson<'a> {
    rows: usize,
    created: usize,
    updated: usize,
    unchanged: usize,
    errors: &'a [coso_app::members::RowError],
    errors_total: usize,
    written: bool,
}

/// What `coso reconcile --format json` prints.
#[derive(Serialize)]
struct ReconcileJson<'a> {
    matched: usize,
    only_in_file: Vec<&'a str>,
    only_in_coso: Vec<&'a str>,
    differing: Vec<DifferenceJson<'a>>,
}

#[derive(Serialize)]
struct DifferenceJson<'a> {
    card_number: &'a str,
    field: &'a str,
    coso: &'a str,
    file: &'a str,
}

pub fn export(app: &App, command: ExportCommand) -> Result<(), Failure> {
    let ExportCommand::Members { org, as_of, format, output } = command;
    let as_of = as_of.as_deref().map(parse_date).transpose()?;
    let format = match format {
        FileFormat::Xlsx => BookFormat::Xlsx,
        FileFormat::Csv => BookFormat::Csv,
    };
    let file = app.export_register(&Actor::system(), &org, as_of, format)?;
    let path = output.unwrap_or_else(|| file.file_name.clone());
    std::fs::write(&path, &file.bytes).map_err(|e| Failure(format!("không ghi được {path}: {e}")))?;
    out(&format!("Đã ghi {path}: {} đảng viên.", file.members))
}

pub fn import(app: &App, command: ImportCommand) -> Result<(), Failure> {
    let ImportCommand::Members { org, file, dry_run, format } = command;
    let (handle, size) = open_file(&file)?;
    let read = Rc::new(Cell::new(0u64));
    let counted = Counted { inner: BufReader::new(handle), read: read.clone() };
    let mut bar = Bar::new("Đang đọc và kiểm tra", "KB");
    let total = (size / 1024).max(1) as usize;
    let report = app.import_register(&Actor::system(), &org, counted, dry_run, &mut |_rows| {
        bar.show(((read.get() / 1024) as usize).min(total), total);
    });
    if report.is_ok() {
        bar.show(total, total);
    }
    bar.finish();
    let report = report?;
    match format {
        ResultFormat::Json => {
            let json = ImportJson {
                rows: report.rows,
                created: report.created,
                updated: report.updated,
                unchanged: report.unchanged,
                errors: &report.errors,
                errors_total: report.errors_total,
                written: report.written,
            };
            out(&serde_json::to_string_pretty(&json).map_err(|e| Failure(e.to_string()))?)?;
        }
        ResultFormat::Text => out(&text(&report))?,
    }
    if report.errors_total > 0 {
        return Err(Failure(format!("{} lỗi trong tệp; chưa ghi gì vào sổ.", report.errors_total)));
    }
    Ok(())
}

fn text(r: &ImportReport) -> String {
    let mut lines = vec![format!(
        "{} dòng: {} thêm mới, {} cập nhật, {} không đổi, {} lỗi.",
        r.rows, r.created, r.updated, r.unchanged, r.errors_total
    )];
    for e in &r.errors {
        let column = if e.column.is_empty() { String::new() } else { format!(", cột «{}»", e.column) };
        lines.push(format!("  Dòng {}{column}: {}", e.row, e.message));
    }
    lines.push(
        if r.written {
            "Đã ghi vào sổ."
        } else if r.errors_total > 0 {
            "Chưa ghi gì: sửa các lỗi rồi nhập lại."
        } else {
            "Chạy thử: chưa ghi gì."
        }
        .into(),
    );
    lines.join("\n")
}

pub fn reconcile(
    app: &App,
    org: &str,
    file: &str,
    as_of: Option<&str>,
    format: ResultFormat,
) -> Result<(), Failure> {
    let as_of = as_of.map(parse_date).transpose()?;
    let (handle, _) = open_file(file)?;
    let found = app.reconcile_file(&Actor::system(), org, as_of, file, BufReader::new(handle))?;
    match format {
        ResultFormat::Json => {
            let json = reconcile_json(&found);
            out(&serde_json::to_string_pretty(&json).map_err(|e| Failure(e.to_string()))?)
        }
        ResultFormat::Text => {
            let mut lines = vec![format!(
                "Khớp {} đảng viên; chỉ có trong tệp: {}; chỉ có trong coso: {}; {} trường khác nhau.",
                found.matched,
                found.only_in_file.len(),
                found.only_in_coso.len(),
                found.differing.len()
            )];
            for l in &found.only_in_file {
                lines.push(format!("  Chỉ trong tệp: {} {}", l.card_number, l.full_name));
            }
            for l in &found.only_in_coso {
                lines.push(format!("  Chỉ trong coso: {} {}", l.card_number, l.full_name));
            }
            for d in &found.differing {
                lines.push(format!(
                    "  {} {}: «{}»: coso «{}», tệp «{}»",
                    d.card_number, d.full_name, d.field, d.coso, d.file
                ));
            }
            out(&lines.join("\n"))
        }
    }
}

fn reconcile_json(found: &Reconciliation) -> ReconcileJson<'_> {
    ReconcileJson {
        matched: found.matched,
        only_in_file: found.only_in_file.iter().map(|l| l.card_number.as_str()).collect(),
        only_in_coso: found.only_in_coso.iter().map(|l| l.card_number.as_str()).collect(),
        differing: found
            .differing
            .iter()
            .map(|d| DifferenceJson {
                card_number: &d.card_number,
                field: &d.field,
                coso: &d.coso,
                file: &d.file,
            })
            .collect(),
    }
}
