//! SVG charts written by hand: a bar chart of one series and quota fulfilment bars.
use std::fmt::Write;

use crate::model::Series;
use coso_domain::vi::number;

const FONTS: &str = "Segoe UI, Roboto, Arial, sans-serif";
const BAR: &str = "#a4161a";
const MET: &str = "#2b8a3e";
const INK: &str = "#1f2328";
const MUTED: &str = "#57606a";
const GRID: &str = "#d8dee4";
const TRACK: &str = "#e9ecef";
/// Rough width of one character at 12 px in the fonts above, to lay out labels without a font.
const CHAR_WIDTH: f64 = 6.6;
/// Beyond this, labels are shortened; their bar's tooltip keeps the whole label.
const MAX_LABEL_CHARS: usize = 22;

/// A bar chart of `series` in a `width` × `height` box: gridlines with values on the left,
/// one bar per point labelled below (slanted when they would not fit side by side).
pub fn bar_chart(series: &Series, width: u32, height: u32) -> String {
    let (w, h) = (f64::from(width.max(160)), f64::from(height.max(120)));
    let mut out = open(w, h, &series.title, &describe(series));
    let _ = write!(
        out,
        r#"<text x="{:.1}" y="20" text-anchor="middle" font-size="15" font-weight="600" fill="{INK}">{}</text>"#,
        w / 2.0,
        escape(&series.title)
    );
    if series.points.is_empty() {
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="13" fill="{MUTED}">Chưa có số liệu</text></svg>"#,
            w / 2.0,
            h / 2.0
        );
        return out;
    }

    let values: Vec<f64> = series.points.iter().map(|(_, v)| if v.is_finite() { *v } else { 0.0 }).collect();
    let (lo, hi, step) = axis(&values);
    let ticks: Vec<f64> =
        (0..).map(|i| lo + step * f64::from(i)).take_while(|t| *t <= hi + step / 2.0).collect();
    let tick_chars = ticks.iter().map(|t| number(*t).chars().count()).max().unwrap_or(1);
    let labels: Vec<String> = series.points.iter().map(|(l, _)| shorten(l)).collect();
    let label_chars = labels.iter().map(|l| l.chars().count()).max().unwrap_or(1);

    let left = 14.0 + tick_chars as f64 * CHAR_WIDTH;
    let right = w - 12.0;
    let top = if series.unit.trim().is_empty() { 36.0 } else { 52.0 };
    let count = values.len() as f64;
    let label_width = label_chars as f64 * CHAR_WIDTH;
    let slanted = label_width > (right - left) / count - 6.0;
    // A slanted first label reaches left of its bar by about cos 40° of its length: make room.
    let left = if slanted { left.max(label_width * 0.77 - (right - left) / count / 2.0 + 4.0) } else { left };
    let band = (right - left) / count;
    // A slanted label at -40° needs about 0.65 of its length below the axis.
    let bottom_room = if slanted { (label_width * 0.65 + 18.0).min(h * 0.4) } else { 28.0 };
    let bottom = h - bottom_room;
    let y = |v: f64| top + (bottom - top) * (hi - v) / (hi - lo);

    if !series.unit.trim().is_empty() {
        let _ = write!(
            out,
            r#"<text x="{left:.1}" y="{:.1}" font-size="12" fill="{MUTED}">Đơn vị: {}</text>"#,
            top - 12.0,
            escape(series.unit.trim())
        );
    }
    for t in &ticks {
        let ty = y(*t);
        let _ = write!(
            out,
            r#"<line x1="{left:.1}" y1="{ty:.1}" x2="{right:.1}" y2="{ty:.1}" stroke="{GRID}" stroke-width="1"/><text x="{:.1}" y="{ty:.1}" dy="0.32em" text-anchor="end" font-size="12" fill="{MUTED}">{}</text>"#,
            left - 6.0,
            number(*t)
        );
    }
    let zero = y(0.0);
    let _ = write!(
        out,
        r#"<line x1="{left:.1}" y1="{zero:.1}" x2="{right:.1}" y2="{zero:.1}" stroke="{MUTED}" stroke-width="1"/>"#
    );

    let bar_width = (band * 0.7).min(64.0);
    // Values go above the bars only where each fits within its own band.
    let value_chars = values.iter().map(|v| number(*v).chars().count()).max().unwrap_or(1);
    let show_values = value_chars as f64 * CHAR_WIDTH * 0.92 <= band - 2.0;
    for (i, (((label, _), value), short)) in series.points.iter().zip(&values).zip(&labels).enumerate() {
        let x = left + band * i as f64 + (band - bar_width) / 2.0;
        let centre = x + bar_width / 2.0;
        let (bar_top, bar_height) = (y(*value).min(zero), (y(*value) - zero).abs());
        let link = series.links.get(i);
        if let Some(href) = link {
            let _ = write!(out, r#"<a href="{}">"#, escape(href));
        }
        let _ = write!(
            out,
            r#"<rect x="{x:.1}" y="{bar_top:.1}" width="{bar_width:.1}" height="{bar_height:.1}" fill="{BAR}"><title>{}: {} {}</title></rect>"#,
            escape(label),
            number(*value),
            escape(&series.unit)
        );
        if link.is_some() {
            out.push_str("</a>");
        }
        if show_values {
            let vy = if *value < 0.0 { bar_top + bar_height + 13.0 } else { bar_top - 5.0 };
            let _ = write!(
                out,
                r#"<text x="{centre:.1}" y="{vy:.1}" text-anchor="middle" font-size="11" fill="{INK}">{}</text>"#,
                number(*value)
            );
        }
        let ly = bottom + 16.0;
        if slanted {
            let _ = write!(
                out,
                r#"<text x="{centre:.1}" y="{ly:.1}" text-anchor="end" font-size="12" fill="{INK}" transform="rotate(-40 {centre:.1} {ly:.1})">{}</text>"#,
                escape(short)
            );
        } else {
            let _ = write!(
                out,
                r#"<text x="{centre:.1}" y="{ly:.1}" text-anchor="middle" font-size="12" fill="{INK}">{}</text>"#,
                escape(short)
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// Quota fulfilment, one bar per person: (label, attended, required). A bar is green once the
/// quota is met and red while it is not, with "attended/required" beside it.
pub fn progress_bars(items: &[(String, i64, i64)], width: u32) -> String {
    const ROW: f64 = 30.0;
    const PAD: f64 = 10.0;
    let w = f64::from(width.max(240));
    let h = if items.is_empty() { 48.0 } else { PAD * 2.0 + ROW * items.len() as f64 };
    let title = "Thực hiện định mức dự sinh hoạt chi bộ";
    let desc: Vec<String> =
        items.iter().map(|(label, attended, required)| format!("{label}: {attended}/{required}")).collect();
    let mut out = open(w, h, title, &desc.join("; "));
    if items.is_empty() {
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="28" text-anchor="middle" font-size="13" fill="{MUTED}">Chưa có số liệu</text></svg>"#,
            w / 2.0
        );
        return out;
    }
    let label_width = (w * 0.35).min(220.0);
    let track_x = label_width + 8.0;
    let track_width = (w - track_x - 72.0).max(40.0);
    let label_chars = ((label_width - 8.0) / CHAR_WIDTH).max(4.0) as usize;
    for (i, (label, attended, required)) in items.iter().enumerate() {
        let row_top = PAD + ROW * i as f64;
        let mid = row_top + ROW / 2.0;
        let met = attended >= required;
        // Nothing required counts as done: a full bar, not a division by zero.
        let share = if *required <= 0 { 1.0 } else { (*attended as f64 / *required as f64).clamp(0.0, 1.0) };
        let _ = write!(
            out,
            r#"<g><title>{}: {attended}/{required}</title><text x="{label_width:.1}" y="{mid:.1}" dy="0.32em" text-anchor="end" font-size="12" fill="{INK}">{}</text><rect x="{track_x:.1}" y="{:.1}" width="{track_width:.1}" height="14" rx="3" fill="{TRACK}"/><rect x="{track_x:.1}" y="{:.1}" width="{:.1}" height="14" rx="3" fill="{}"/><text x="{:.1}" y="{mid:.1}" dy="0.32em" font-size="12" fill="{INK}">{attended}/{required}</text></g>"#,
            escape(label),
            escape(&truncate(label, label_chars)),
            mid - 7.0,
            mid - 7.0,
            track_width * share,
            if met { MET } else { BAR },
            track_x + track_width + 8.0,
        );
    }
    out.push_str("</svg>");
    out
}

/// The opening tag with what a screen reader announces: a title and the data in words.
fn open(w: f64, h: f64, title: &str, desc: &str) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" role="img" aria-label="{}" font-family="{FONTS}"><title>{}</title><desc>{}</desc>"#,
        escape(title),
        escape(title),
        escape(desc)
    )
}

fn describe(series: &Series) -> String {
    series
        .points
        .iter()
        .map(|(label, value)| format!("{label}: {} {}", number(*value), series.unit).trim_end().to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The axis from zero (or the lowest negative value) to a round value above the highest, with
/// a round step giving at most five intervals, so the bars fill most of the height.
fn axis(values: &[f64]) -> (f64, f64, f64) {
    let lo = values.iter().copied().fold(0.0_f64, f64::min);
    let hi = values.iter().copied().fold(0.0_f64, f64::max);
    // All zeros: an axis of whole units, since most series count meetings or people.
    let span = if hi > lo { hi - lo } else { 5.0 };
    let raw = span / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    // A step of 0.25 would need two decimals, which the labels do not print.
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .filter(|m| magnitude >= 1.0 || **m != 2.5)
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(raw);
    let lo = (lo / step).floor() * step;
    let hi = ((hi / step).ceil() * step).max(lo + step);
    (lo, hi, step)
}

fn shorten(label: &str) -> String {
    truncate(label.trim(), MAX_LABEL_CHARS)
}

fn truncate(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_string()
    } else {
        let kept: String = text.chars().take(chars.saturating_sub(1)).collect();
        format!("{}…", kept.trim_end())
    }
}

/// Text made safe for XML content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    #[test]
    fn each_bar_leads_to_its_page_when_the_chart_has_links() {
        let series = Series {
            title: "Tỷ lệ".into(),
            unit: "%".into(),
            points: vec![("2019".into(), 95.0), ("2020".into(), 97.3)],
            links: vec!["/ratings?year=2019&org=LS".into(), "/ratings?year=2020&org=LS".into()],
        };
        let svg = bar_chart(&series, 400, 240);
        assert_eq!(svg.matches("<a href=").count(), 2, "{svg}");
        let first = svg.find(r#"<a href="/ratings?year=2019&amp;org=LS"><rect"#);
        let second = svg.find(r#"<a href="/ratings?year=2020&amp;org=LS"><rect"#);
        assert!(first.is_some() && second.is_some() && first < second, "{svg}");
        assert_eq!(svg.matches("</rect></a>").count(), 2);
        // Without links, bars are bare.
        let bare = bar_chart(&Series { links: Vec::new(), ..series }, 400, 240);
        assert!(!bare.contains("<a "), "{bare}");
    }

    #[test]
    fn bar_chart_draws_one_bar_per_point_and_escapes_text() {
        let series = Series {
            title: "Chi bộ <khối>".into(),
            unit: "cuộc".into(),
            points: vec![("A & B".into(), 3.0), ("Khối 9".into(), 12.0), ("Khối 10".into(), 7.5)],
            links: Vec::new(),
        };
        let svg = bar_chart(&series, 480, 300);
        assert!(svg.starts_with("<svg"));
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains(r#"role="img""#));
        assert!(svg.contains("<title>Chi bộ &lt;khối&gt;</title>"));
        assert_eq!(svg.matches("<rect").count(), 3);
        assert!(svg.contains("A &amp; B"));
        assert!(!svg.contains("A & B"));
        assert!(svg.contains(">7,5<"), "value label in Vietnamese notation");
        assert!(svg.contains(FONTS) && svg.contains(BAR));
        assert_eq!(svg.matches("<svg").count(), svg.matches("</svg>").count());
    }

    #[test]
    fn many_labels_are_slanted() {
        let svg = bar_chart(&sample::series(), 320, 240);
        assert_eq!(svg.matches("<rect").count(), 9);
        assert!(svg.contains("rotate(-40"));
        let few = bar_chart(&Series { points: vec![("T1".into(), 1.0)], ..Series::default() }, 480, 240);
        assert!(!few.contains("rotate("));
    }

    #[test]
    fn empty_series_says_so() {
        let svg = bar_chart(&Series { title: "Trống".into(), ..Series::default() }, 400, 200);
        assert!(svg.contains("Chưa có số liệu"));
        assert_eq!(svg.matches("<rect").count(), 0);
    }

    #[test]
    fn axis_uses_round_steps_and_covers_the_data() {
        type Case = (&'static [f64], (f64, f64, f64));
        let cases: [Case; 6] = [
            (&[3.0, 12.0, 7.5], (0.0, 12.5, 2.5)),
            (&[180.0, 203.0], (0.0, 250.0, 50.0)),
            (&[0.0, 0.0], (0.0, 1.0, 1.0)),
            (&[-4.0, 6.0], (-4.0, 6.0, 2.0)),
            (&[0.3, 0.92], (0.0, 1.0, 0.2)),
            (&[0.1, 0.48], (0.0, 0.5, 0.1)),
        ];
        for (values, want) in cases {
            assert_eq!(axis(values), want, "values {values:?}");
        }
    }

    #[test]
    fn progress_bars_are_green_when_met_and_red_when_not() {
        let items = vec![
            ("Hoàng Văn Minh".to_string(), 3, 2),
            ("Nguyễn Thị Thu".to_string(), 1, 2),
            ("Lộc & Hải".to_string(), 0, 4),
        ];
        let svg = progress_bars(&items, 600);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert_eq!(svg.matches("<rect").count(), 6, "a track and a fill per person");
        assert_eq!(svg.matches(&format!(r#"fill="{MET}""#)).count(), 1);
        assert_eq!(svg.matches(&format!(r#"fill="{BAR}""#)).count(), 2);
        assert!(svg.contains(">3/2<") && svg.contains(">1/2<") && svg.contains(">0/4<"));
        assert!(svg.contains("Lộc &amp; Hải"));
        assert!(progress_bars(&[], 600).contains("Chưa có số liệu"));
    }
}
