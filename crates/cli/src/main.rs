//! The `coso` command: serve the web application, migrate, load the demo, manage accounts and
//! tokens, and print statistics.
mod docnum;
mod progress;
mod rating;
mod register;
mod report;

use std::io::Read;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use coso_app::{Actor, App, AppError};

#[derive(Parser)]
#[command(name = "coso", version, about = "coso: quản lý công tác xây dựng Đảng")]
struct Cli {
    /// sqlite://PATH (created on first use) or postgres://USER@HOST/DB
    #[arg(long, global = true, env = "COSO_DATABASE_URL", default_value = "sqlite://coso.db")]
    database_url: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web application and the API.
    Serve {
        #[arg(long, env = "COSO_BIND", default_value = "127.0.0.1:8080")]
        bind: String,
        /// Load the Lạng Sơn demo first if the database is empty.
        #[arg(long)]
        demo: bool,
        /// A reverse proxy (nginx) in front of coso, by IP address: its X-Forwarded-For names
        /// the client that login throttling counts. Repeat, or separate with commas.
        #[arg(long = "trusted-proxy", env = "COSO_TRUSTED_PROXIES", value_delimiter = ',')]
        trusted_proxies: Vec<std::net::IpAddr>,
    },
    /// Apply pending database migrations.
    Migrate,
    /// Load the Lạng Sơn demo into an empty database, or with --scale a generated tree of a
    /// city, a province or the country.
    Demo {
        /// city (about 3,000 members), province (450,000) or national (5.2 million).
        #[arg(long)]
        scale: Option<String>,
        /// The generator's seed: the same seed gives the same tree and people.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Manage user accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage API tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// Reports on meetings and superior attendance (JSON or Excel).
    Report {
        #[command(subcommand)]
        command: report::ReportCommand,
    },
    /// The annual rating: judge a proposed rating from a file (rating check).
    Rating {
        #[command(subcommand)]
        command: rating::RatingCommand,
    },
    /// Write a unit's member register to a file (Excel or CSV).
    Export {
        #[command(subcommand)]
        command: register::ExportCommand,
    },
    /// Read members in from a register or a list (Excel or CSV).
    Import {
        #[command(subcommand)]
        command: register::ImportCommand,
    },
    /// Compare a register received from another level with coso's roll of the unit.
    Reconcile {
        #[arg(long)]
        org: String,
        #[arg(long)]
        file: String,
        /// The day of coso's roll to compare with (dd/mm/yyyy; default today).
        #[arg(long)]
        as_of: Option<String>,
        #[arg(long, value_enum, default_value_t = register::ResultFormat::Text)]
        format: register::ResultFormat,
    },
    /// Document numbers: read one (party 1764-QĐ/TU or state 1206/QĐ-BTP), no database.
    Docnum {
        #[command(subcommand)]
        command: docnum::DocnumCommand,
    },
    /// Print statistics.
    Stats {
        #[command(subcommand)]
        command: StatsCommand,
    },
    /// Read the audit trail: who created, changed, viewed or exported what, and when.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// List the trail, newest first.
    List {
        /// member, organization, meeting, user, …
        #[arg(long)]
        entity: Option<String>,
        /// The record's id.
        #[arg(long)]
        id: Option<String>,
        /// dd/mm/yyyy or yyyy-mm-dd: from this day on.
        #[arg(long)]
        since: Option<String>,
        /// At most this many lines, the newest (at most 10000).
        #[arg(long, default_value_t = 100)]
        limit: u32,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account; the password is read from standard input.
    Add {
        #[arg(long)]
        username: String,
        /// admin, city, org_admin, cell_secretary, cadre, inspector or viewer
        #[arg(long)]
        role: String,
        /// Code of the organization whose subtree the account may see
        #[arg(long)]
        org: Option<String>,
        #[arg(long)]
        display_name: Option<String>,
        /// Read the password from standard input (required: never on the command line)
        #[arg(long, required = true)]
        password_stdin: bool,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create an API token for a user; prints the token alone on the last line.
    Create {
        #[arg(long)]
        username: String,
    },
    /// Revoke an API token; it stops working at once. The token is read from standard input.
    Revoke {
        #[arg(long, required = true)]
        token_stdin: bool,
    },
}

#[derive(Subcommand)]
enum StatsCommand {
    /// Organizations and members as of a date.
    Orgs {
        /// dd/mm/yyyy or yyyy-mm-dd; today by default
        #[arg(long)]
        as_of: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Text,
}

/// A failure shown as one line on stderr.
pub(crate) struct Failure(pub(crate) String);

/// Writes a result to standard output. A reader that stops early (`| head`) is not an error.
pub(crate) fn out(text: &str) -> Result<(), Failure> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{text}").and_then(|_| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure(format!("không ghi được kết quả: {e}")))
        }
        _ => Ok(()),
    }
}

/// Reads a date the way users write it (dd/mm/yyyy) or ISO.
pub(crate) fn parse_date(s: &str) -> Result<chrono::NaiveDate, Failure> {
    coso_domain::date::parse(s)
        .ok_or_else(|| Failure(format!("ngày không hợp lệ: {s} (dùng dd/mm/yyyy hoặc yyyy-mm-dd)")))
}

impl From<AppError> for Failure {
    fn from(e: AppError) -> Self {
        match e {
            AppError::Internal(detail) => Failure(format!("lỗi hệ thống: {detail}")),
            AppError::Invalid(vs) => {
                Failure(vs.iter().map(|v| v.message.clone()).collect::<Vec<_>>().join(" "))
            }
            other => Failure(other.to_string()),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("COSO_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,tower_http=info")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("coso: {message}");
            ExitCode::FAILURE
        }
    }
}

fn open(url: &str) -> Result<App, Failure> {
    App::open(url).map_err(|e| Failure(format!("không mở được cơ sở dữ liệu {}: {e}", redact(url))))
}

/// The database URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Serve { bind, demo, trusted_proxies } => {
            let app = open(&cli.database_url)?;
            if demo {
                if app.is_empty()? {
                    eprintln!("Đang nạp dữ liệu mẫu Lạng Sơn…");
                    let summary = coso_demo::load(&app)?;
                    print_demo(&summary);
                } else {
                    eprintln!("Cơ sở dữ liệu đã có dữ liệu; bỏ qua việc nạp dữ liệu mẫu.");
                    print_demo_accounts();
                }
            }
            // Database work runs on blocking threads, one per pooled connection at most: more
            // threads would only wait for a connection, each with its own allocator arena
            // (docs/performance.md, "HTTP under load").
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .max_blocking_threads(coso_app::POOL_SIZE)
                .enable_all()
                .build()
                .map_err(|e| Failure(format!("không khởi động được: {e}")))?;
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind(&bind)
                    .await
                    .map_err(|e| Failure(format!("không mở được cổng {bind}: {e}")))?;
                let addr = listener.local_addr().map(|a| a.to_string()).unwrap_or(bind);
                eprintln!("coso đang chạy: mở http://{addr}/ trong trình duyệt (Ctrl-C để dừng).");
                coso_web::serve_behind(app, listener, coso_web::Proxies::new(trusted_proxies))
                    .await
                    .map_err(|e| Failure(format!("máy chủ dừng vì lỗi: {e}")))
            })
        }
        Command::Migrate => {
            open(&cli.database_url)?;
            out("Đã cập nhật cấu trúc cơ sở dữ liệu.")?;
            Ok(())
        }
        Command::Demo { scale: None, .. } => {
            let app = open(&cli.database_url)?;
            let summary = coso_demo::load(&app)?;
            print_demo(&summary);
            Ok(())
        }
        Command::Demo { scale: Some(scale), seed } => {
            let scale = coso_demo::scale::Scale::from_code(&scale)
                .ok_or_else(|| AppError::field("scale", "Quy mô phải là city, province hoặc national."))?;
            let app = open(&cli.database_url)?;
            let started = std::time::Instant::now();
            let mut bar = progress::Bar::new("Đang tạo dữ liệu", "TCCSĐ");
            let summary = coso_demo::scale::generate(&app, scale, seed, |done, total| bar.show(done, total))?;
            bar.finish();
            let (username, password) = coso_demo::scale::ADMIN;
            out(&format!(
                "Đã tạo {} tổ chức đảng, {} đảng viên (người được tạo ngẫu nhiên, không phải người thật) \
                 và {} cuộc sinh hoạt chi bộ trong {:.1} giây.\nTài khoản dùng thử: {username} / {password}",
                coso_domain::vi::number(summary.organizations as f64),
                coso_domain::vi::number(summary.members as f64),
                coso_domain::vi::number(summary.meetings as f64),
                started.elapsed().as_secs_f64()
            ))?;
            Ok(())
        }
        Command::User {
            command: UserCommand::Add { username, role, org, display_name, password_stdin: _ },
        } => {
            let mut password = String::new();
            std::io::stdin()
                .read_to_string(&mut password)
                .map_err(|e| Failure(format!("không đọc được mật khẩu: {e}")))?;
            let password = password.trim_end_matches(['\r', '\n']).to_string();
            let app = open(&cli.database_url)?;
            let input = coso_app::auth::NewUser {
                username: username.clone(),
                display_name,
                role,
                org_code: org,
                password,
            };
            app.add_user(&Actor::system(), input)?;
            out(&format!("Đã tạo tài khoản {}.", username.trim().to_lowercase()))?;
            Ok(())
        }
        Command::Token { command: TokenCommand::Create { username } } => {
            let app = open(&cli.database_url)?;
            let token = app.create_token(&Actor::system(), &username)?;
            out(&format!(
                "Mã truy cập API cho {} (chỉ hiện một lần; gửi trong tiêu đề Authorization: Bearer):",
                username.trim()
            ))?;
            out(&token)?;
            Ok(())
        }
        Command::Token { command: TokenCommand::Revoke { token_stdin: _ } } => {
            let mut token = String::new();
            std::io::stdin()
                .read_to_string(&mut token)
                .map_err(|e| Failure(format!("không đọc được mã truy cập: {e}")))?;
            let app = open(&cli.database_url)?;
            app.revoke_token(&Actor::system(), token.trim())?;
            out("Đã thu hồi mã truy cập.")?;
            Ok(())
        }
        Command::Report { command } => report::run(&open(&cli.database_url)?, command),
        Command::Rating { command } => rating::run(command),
        Command::Docnum { command } => docnum::run(command),
        Command::Export { command } => register::export(&open(&cli.database_url)?, command),
        Command::Import { command } => register::import(&open(&cli.database_url)?, command),
        Command::Reconcile { org, file, as_of, format } => {
            register::reconcile(&open(&cli.database_url)?, &org, &file, as_of.as_deref(), format)
        }
        Command::Audit { command: AuditCommand::List { entity, id, since, limit, format } } => {
            let since = match since.as_deref() {
                Some(s) => Some(coso_domain::date::parse(s).ok_or_else(|| {
                    Failure(format!("ngày không hợp lệ: {s} (dùng dd/mm/yyyy hoặc yyyy-mm-dd)"))
                })?),
                None => None,
            };
            let app = open(&cli.database_url)?;
            let query = coso_app::trail::TrailQuery { entity, entity_id: id, since, limit: Some(limit) };
            let trail = app.audit_trail(&Actor::system(), &query)?;
            match format {
                Format::Json => {
                    out(&serde_json::to_string_pretty(&trail).map_err(|e| Failure(e.to_string()))?)?
                }
                Format::Text => {
                    let lines: Vec<String> = trail
                        .iter()
                        .map(|t| {
                            format!("{}\t{}\t{}\t{}\t{}", t.at, t.actor, t.action, t.entity, t.entity_id)
                        })
                        .collect();
                    out(&lines.join("\n"))?
                }
            }
            Ok(())
        }
        Command::Stats { command: StatsCommand::Orgs { as_of, format } } => {
            let app = open(&cli.database_url)?;
            // Today by default; the demo's figures stop at its reference day.
            let as_of = match as_of.as_deref() {
                Some(s) => coso_domain::date::parse(s).ok_or_else(|| {
                    Failure(format!("ngày không hợp lệ: {s} (dùng dd/mm/yyyy hoặc yyyy-mm-dd)"))
                })?,
                None => app.default_day()?,
            };
            let stats = app.org_stats(&Actor::system(), as_of)?;
            match format {
                Format::Json => {
                    out(&serde_json::to_string_pretty(&stats).map_err(|e| Failure(e.to_string()))?)?
                }
                Format::Text => out(stats.to_text().trim_end())?,
            }
            Ok(())
        }
    }
}

fn print_demo(summary: &coso_demo::DemoSummary) {
    eprintln!(
        "Đã nạp dữ liệu mẫu: {} tổ chức đảng, {} đảng viên (người được tạo ngẫu nhiên, không phải người thật), \
         {} cuộc sinh hoạt chi bộ, {} lượt cấp ủy dự sinh hoạt.",
        summary.organizations, summary.members, summary.meetings, summary.superior_attendances
    );
    eprintln!("Tài khoản dùng thử:");
    for a in &summary.accounts {
        eprintln!("  {:<14} mật khẩu {:<14} {} — {}", a.username, a.password, a.role, a.org);
    }
}

fn print_demo_accounts() {
    eprintln!("Tài khoản dùng thử (nếu là dữ liệu mẫu): admin / admin12345, thanhuy / thanhuy123.");
}
