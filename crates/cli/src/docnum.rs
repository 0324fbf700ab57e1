//! `coso docnum parse`: a document number read without a database (issue 13).
use clap::{Subcommand, ValueEnum};

use crate::{Failure, out};

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Json,
    Text,
}

#[derive(Subcommand)]
pub enum DocnumCommand {
    /// Reads a party (1764-QĐ/TU) or state (1206/QĐ-BTP) document number.
    Parse {
        text: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

pub fn run(command: DocnumCommand) -> Result<(), Failure> {
    let DocnumCommand::Parse { text, format } = command;
    let n = coso_domain::document::parse(&text).map_err(Failure)?;
    match format {
        Format::Json => out(&serde_json::to_string_pretty(&n).map_err(|e| Failure(e.to_string()))?),
        Format::Text => {
            let style = match n.style {
                coso_domain::document::Style::Party => "văn bản của Đảng",
                coso_domain::document::Style::State => "văn bản Nhà nước",
            };
            let kind =
                n.type_label().map_or_else(|| n.type_code.clone(), |l| format!("{l} ({})", n.type_code));
            out(&format!(
                "{}: {style}, số {}, loại {kind}, cơ quan ban hành {}",
                n.number, n.serial, n.issuer
            ))
        }
    }
}
