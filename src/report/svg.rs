//! Inline SVG charts: small, self-contained, readable without colour (every
//! bar has its value written above it and a <title> for screen readers).

use std::fmt::Write;

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// One point: a label under the bar, the value, and how to print it.
pub struct Point {
    pub label: String,
    pub value: Option<f64>,
    pub text: String,
}

/// A bar chart of up to a dozen points; missing values show as a dash.
pub fn bar_chart(title: &str, points: &[Point]) -> String {
    let w = 360.0;
    let h = 150.0;
    let top = 22.0;
    let bottom = 24.0;
    let n = points.len().max(1) as f64;
    let slot = w / n;
    let bar = (slot * 0.62).max(2.0);
    // Negative values (NPS) go below the axis, which sits where zero is.
    let hi = points.iter().filter_map(|p| p.value).fold(0.0f64, f64::max);
    let lo = points.iter().filter_map(|p| p.value).fold(0.0f64, f64::min);
    let room = h - top - bottom;
    let scale = if hi - lo > 0.0 { room / (hi - lo) } else { 0.0 };
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="chart" viewBox="0 0 {w} {h}" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>"#,
        t = escape(title)
    );
    let base = if scale > 0.0 {
        top + hi * scale
    } else {
        h - bottom
    };
    let _ = write!(
        s,
        r#"<line x1="0" y1="{base:.1}" x2="{w}" y2="{base:.1}" class="axis"/>"#
    );
    for (i, p) in points.iter().enumerate() {
        let x = slot * i as f64 + (slot - bar) / 2.0;
        let cx = slot * i as f64 + slot / 2.0;
        let last = i + 1 == points.len();
        let class = if last { "bar now" } else { "bar" };
        match p.value {
            Some(v) => {
                let bh = (v.abs() * scale).max(if v != 0.0 { 1.0 } else { 0.0 });
                let (y, ty) = if v < 0.0 {
                    (base, base + bh + 11.0)
                } else {
                    (base - bh, base - bh - 4.0)
                };
                let neg = if v < 0.0 { " neg" } else { "" };
                let _ = write!(
                    s,
                    r#"<rect x="{x:.1}" y="{y:.1}" width="{bar:.1}" height="{bh:.1}" class="{class}{neg}"><title>{l}: {tx}</title></rect>"#,
                    l = escape(&p.label),
                    tx = escape(&p.text)
                );
                let _ = write!(
                    s,
                    r#"<text x="{cx:.1}" y="{ty:.1}" class="val">{tx}</text>"#,
                    tx = escape(&p.text)
                );
            }
            None => {
                let _ = write!(
                    s,
                    r#"<text x="{cx:.1}" y="{ty:.1}" class="val">–</text>"#,
                    ty = base - 4.0
                );
            }
        }
        let _ = write!(
            s,
            r#"<text x="{cx:.1}" y="{ly:.1}" class="lbl">{l}</text>"#,
            ly = h - 8.0,
            l = escape(&p.label)
        );
    }
    s.push_str("</svg>");
    s
}

/// The largest count of a heatmap (at least 1), that its darkest cell shows.
fn largest(rows: &[(String, [usize; 24])]) -> f64 {
    rows.iter()
        .flat_map(|(_, r)| r.iter())
        .copied()
        .max()
        .unwrap_or(0)
        .max(1) as f64
}

/// A weekday × hour heatmap of counts.
pub fn heatmap(title: &str, rows: &[(String, [usize; 24])]) -> String {
    let cell = 22.0;
    let left = 56.0;
    let top = 18.0;
    let w = left + cell * 24.0;
    let h = top + cell * rows.len() as f64;
    let max = largest(rows);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="heatmap" viewBox="0 0 {w} {h}" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>"#,
        t = escape(title)
    );
    for hour in 0..24 {
        let x = left + cell * hour as f64 + cell / 2.0;
        let _ = write!(s, r#"<text x="{x:.1}" y="12" class="lbl">{hour:02}</text>"#);
    }
    for (ri, (name, counts)) in rows.iter().enumerate() {
        let y = top + cell * ri as f64;
        let _ = write!(
            s,
            r#"<text x="0" y="{ty:.1}" class="day">{n}</text>"#,
            ty = y + cell * 0.68,
            n = escape(name)
        );
        for (hour, &count) in counts.iter().enumerate() {
            let x = left + cell * hour as f64;
            let cell_at = HeatCell {
                x,
                y,
                w: cell - 2.0,
                h: cell - 2.0,
                text_y: y + cell * 0.62,
            };
            heat_cell(&mut s, &cell_at, name, hour, count, max);
        }
    }
    s.push_str("</svg>");
    s
}

/// The same counts as hours × days, for narrow screens: 24 rows of 7
/// cells, large enough to read at 360 px.
pub fn heatmap_tall(title: &str, rows: &[(String, [usize; 24])]) -> String {
    let cw = 40.0;
    let ch = 20.0;
    let left = 34.0;
    let top = 18.0;
    let w = left + cw * rows.len() as f64;
    let h = top + ch * 24.0;
    let max = largest(rows);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="heatmap tall" viewBox="0 0 {w} {h}" role="img" aria-label="{t}" xmlns="http://www.w3.org/2000/svg"><title>{t}</title>"#,
        t = escape(title)
    );
    for (di, (name, _)) in rows.iter().enumerate() {
        let x = left + cw * di as f64 + cw / 2.0;
        let _ = write!(
            s,
            r#"<text x="{x:.1}" y="12" class="lbl">{}</text>"#,
            escape(name)
        );
    }
    for hour in 0..24 {
        let y = top + ch * hour as f64;
        let _ = write!(
            s,
            r#"<text x="0" y="{ty:.1}" class="day">{hour:02}</text>"#,
            ty = y + ch * 0.7
        );
        for (di, (name, counts)) in rows.iter().enumerate() {
            let x = left + cw * di as f64;
            let cell_at = HeatCell {
                x,
                y,
                w: cw - 2.0,
                h: ch - 2.0,
                text_y: y + ch * 0.68,
            };
            heat_cell(&mut s, &cell_at, name, hour, counts[hour], max);
        }
    }
    s.push_str("</svg>");
    s
}

/// Where a heatmap cell goes: its box and the baseline of its count.
struct HeatCell {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    text_y: f64,
}

/// One cell of the busy-hours heatmap, in either orientation: five steps of
/// shade, and the count also written in the cell.
fn heat_cell(s: &mut String, at: &HeatCell, name: &str, hour: usize, count: usize, max: f64) {
    let level = if count == 0 {
        0
    } else {
        1 + ((count as f64 / max) * 4.0).ceil().min(4.0) as usize
    };
    let _ = write!(
        s,
        r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" class="h{level}"><title>{n} {hour:02}:00 – {count}</title></rect>"#,
        x = at.x,
        y = at.y,
        w = at.w,
        h = at.h,
        n = escape(name)
    );
    if count > 0 {
        let _ = write!(
            s,
            r#"<text x="{tx:.1}" y="{ty:.1}" class="cnt l{level}">{count}</text>"#,
            tx = at.x + at.w / 2.0,
            ty = at.text_y
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_escape_and_scale() {
        let svg = bar_chart(
            "<b>",
            &[
                Point {
                    label: "W1".into(),
                    value: Some(2.0),
                    text: "2".into(),
                },
                Point {
                    label: "W2".into(),
                    value: None,
                    text: "–".into(),
                },
            ],
        );
        assert!(svg.contains("&lt;b&gt;"));
        assert!(!svg.contains("<b>"));
        assert!(svg.contains(">2</text>"));
        // A negative value is drawn below the axis, a positive one above.
        let svg = bar_chart(
            "nps",
            &[
                Point {
                    label: "W1".into(),
                    value: Some(50.0),
                    text: "50".into(),
                },
                Point {
                    label: "W2".into(),
                    value: Some(-50.0),
                    text: "-50".into(),
                },
            ],
        );
        let axis: f64 = svg
            .split("y1=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|v| v.parse().ok())
            .expect("axis");
        let ys: Vec<f64> = svg
            .split("<rect x=")
            .skip(1)
            .filter_map(|r| r.split("y=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect();
        assert!(ys[0] < axis, "positive bar above the axis");
        assert!(
            (ys[1] - axis).abs() < 0.01,
            "negative bar hangs from the axis"
        );
        assert!(svg.contains("bar now neg"));
        let hm = heatmap("x", &[("Sen".into(), [0; 24])]);
        assert!(hm.contains("class=\"h0\""));
    }
}
