//! `coso rating check`: one TCCSĐ's rating judged from a JSON file, without a database
//! (issue 10; the format is in docs/rating-check.md).
use clap::{Subcommand, ValueEnum};
use coso_domain::rating::{self, RoundInput, Verdict};

use crate::{Failure, out};

#[derive(Subcommand)]
pub(crate) enum RatingCommand {
    /// Judge a proposed rating against the rules of its year, touching no database.
    Check {
        /// The rating's year: it chooses the rules.
        #[arg(long)]
        year: i32,
        /// The unit and its members as JSON; "-" reads standard input.
        #[arg(long)]
        input: String,
        #[arg(long, value_enum, default_value = "json")]
        format: CheckFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum CheckFormat {
    Json,
    Text,
}

pub(crate) fn run(command: RatingCommand) -> Result<(), Failure> {
    match command {
        RatingCommand::Check { year, input, format } => {
            if !(1930..=2100).contains(&year) {
                return Err(Failure(format!("năm không hợp lệ: {year}")));
            }
            let text = read(&input)?;
            let round: RoundInput =
                serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(&text))
                    .map_err(|e| Failure(format!("tệp {input} không hợp lệ: {}", explain(&e))))?;
            let verdict = rating::check(year, &round).map_err(|e| {
                Failure(format!("tệp {input} không hợp lệ: trường {}: {}", e.field, e.message))
            })?;
            match format {
                CheckFormat::Json => {
                    out(&serde_json::to_string_pretty(&verdict).map_err(|e| Failure(e.to_string()))?)?
                }
                CheckFormat::Text => out(&as_text(&verdict))?,
            }
            if verdict.valid {
                Ok(())
            } else {
                Err(Failure(format!(
                    "xếp loại vi phạm {} quy định (xem danh sách ở trên).",
                    verdict.violations.len()
                )))
            }
        }
    }
}

fn read(path: &str) -> Result<String, Failure> {
    if path == "-" {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .map_err(|e| Failure(format!("không đọc được đầu vào: {e}")))?;
        return Ok(text);
    }
    std::fs::read_to_string(path).map_err(|e| Failure(format!("không đọc được tệp {path}: {e}")))
}

/// serde's message in the user's words: which field, at which line.
fn explain(e: &serde_path_to_error::Error<serde_json::Error>) -> String {
    let inner = e.inner();
    let what = inner.to_string();
    let what = what
        .split(" at line ")
        .next()
        .unwrap_or(&what)
        .replace(", expected one of ", ", cần một trong ")
        .replace(", expected ", ", cần ")
        .replace("` or `", "` hoặc `");
    let said = if let Some(field) = what.strip_prefix("missing field ") {
        format!("thiếu trường {field}")
    } else if let Some(rest) = what.strip_prefix("unknown variant ") {
        format!("giá trị không hợp lệ {rest}")
    } else if let Some(rest) = what.strip_prefix("unknown field ") {
        format!("trường không được biết {}", rest.split(", expected").next().unwrap_or(rest))
    } else if [
        "input contains invalid characters",
        "premature end of input",
        "input is out of range",
        "trailing input",
    ]
    .iter()
    .any(|m| what.contains(m))
    {
        "ngày không hợp lệ (dùng yyyy-mm-dd)".to_string()
    } else {
        what
    };
    let path = e.path().to_string();
    let at = if path == "." { String::new() } else { format!("trường {path}: ") };
    format!("{at}{said} (dòng {}, cột {})", inner.line(), inner.column())
}

fn as_text(v: &Verdict) -> String {
    let mut lines = vec![format!("Quy định áp dụng: {}", v.policy)];
    lines.push(if v.valid {
        "Hợp lệ.".to_string()
    } else {
        format!("Vi phạm {} quy định:", v.violations.len())
    });
    for x in &v.violations {
        lines.push(format!("- {} [{}] {} ({})", x.subject, x.rule, x.message, x.citation));
    }
    if !v.excluded.is_empty() {
        lines.push(format!("Không xếp loại: {}", v.excluded.join(", ")));
    }
    for (id, tier) in &v.max_tier {
        lines.push(format!("{id}: tối đa {}", tier.label()));
    }
    lines.join("\n")
}
