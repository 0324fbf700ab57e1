//! A progress bar on the terminal for long work: redrawn in place at most ten times a second
//! with the count, the rate and the time left; where the output is not a terminal (a log, CI),
//! a line every tenth of the way instead.
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

pub struct Bar {
    label: &'static str,
    unit: &'static str,
    started: Instant,
    drawn: Option<Instant>,
    tenth: usize,
    terminal: bool,
}

const WIDTH: usize = 30;

impl Bar {
    pub fn new(label: &'static str, unit: &'static str) -> Bar {
        Bar {
            label,
            unit,
            started: Instant::now(),
            drawn: None,
            tenth: 0,
            terminal: std::io::stderr().is_terminal(),
        }
    }

    /// `done` of `total` units are done.
    pub fn show(&mut self, done: usize, total: usize) {
        let total = total.max(1);
        let elapsed = self.started.elapsed();
        let line = line(self.label, self.unit, done, total, elapsed);
        let mut err = std::io::stderr().lock();
        if self.terminal {
            let due = self.drawn.is_none_or(|at| at.elapsed() >= Duration::from_millis(100));
            if due || done == total {
                let _ = write!(err, "\r{line}\x1b[K");
                let _ = err.flush();
                self.drawn = Some(Instant::now());
            }
        } else if done * 10 / total > self.tenth || done == total {
            self.tenth = done * 10 / total;
            let _ = writeln!(err, "{line}");
        }
    }

    /// Ends the bar's line.
    pub fn finish(self) {
        if self.terminal && self.drawn.is_some() {
            let _ = writeln!(std::io::stderr());
        }
    }
}

/// "Đang tạo dữ liệu [#########.....] 1.234/5.005 TCCSĐ · 25 %/phút · còn 3 phút 12 giây"
fn line(label: &str, unit: &str, done: usize, total: usize, elapsed: Duration) -> String {
    let filled = (done * WIDTH / total).min(WIDTH);
    let bar = format!("{}{}", "#".repeat(filled), ".".repeat(WIDTH - filled));
    let percent = done * 100 / total;
    let left = if done == 0 {
        String::new()
    } else {
        let rest = elapsed.as_secs_f64() * (total - done) as f64 / done as f64;
        format!(" · còn {}", duration(rest))
    };
    format!("{label} [{bar}] {done}/{total} {unit} · {percent} % · {}{left}", duration(elapsed.as_secs_f64()))
}

fn duration(secs: f64) -> String {
    let secs = secs.round() as u64;
    match secs {
        0..60 => format!("{secs} giây"),
        60..3600 => format!("{} phút {} giây", secs / 60, secs % 60),
        _ => format!("{} giờ {} phút", secs / 3600, secs % 3600 / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_shows_the_count_the_share_and_the_time_left() {
        let cases = [
            (0, 10, 0, "Tạo [..........] 0/10 TCCSĐ · 0 % · 0 giây"),
            (5, 10, 30, "Tạo [#####.....] 5/10 TCCSĐ · 50 % · 30 giây · còn 30 giây"),
            (1, 4, 90, "Tạo [###.......] 1/4 TCCSĐ · 25 % · 1 phút 30 giây · còn 4 phút 30 giây"),
            (10, 10, 4000, "Tạo [##########] 10/10 TCCSĐ · 100 % · 1 giờ 6 phút · còn 0 giây"),
        ];
        for (done, total, secs, want) in cases {
            let got = line("Tạo", "TCCSĐ", done, total, Duration::from_secs(secs));
            // The bar is 30 wide; the cases above are written at 10 for reading.
            let short = shorten(&got);
            assert_eq!(short, want, "{done}/{total} after {secs} s");
        }
    }

    /// The bar drawn at a third of its width.
    fn shorten(line: &str) -> String {
        let (start, rest) = line.split_once('[').unwrap_or((line, ""));
        let (bar, end) = rest.split_once(']').unwrap_or((rest, ""));
        let short: String = bar.chars().step_by(3).collect();
        format!("{start}[{short}]{end}")
    }
}
