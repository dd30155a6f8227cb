import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { InputError } from '@ptychojs/io';
import { escapeMarkup as esc } from '../escape-markup.js';

/** One curve of a {@link ChartSpec}: points (x[i], y[i]); non-finite y breaks the line. */
export interface ChartSeries {
  readonly name: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  /** Draw dashed (thresholds, reference lines). */
  readonly dashed?: boolean;
}

/** A line chart: what {@link chartSvg} draws. */
export interface ChartSpec {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly ChartSeries[];
  /** Axis ranges to include (the data's range is always included). */
  readonly xInclude?: readonly number[];
  readonly yInclude?: readonly number[];
  /** The x values are counts (epochs): whole-number ticks only. */
  readonly xIntegers?: boolean;
  /** Logarithmic y axis (ticks at powers of ten); points with y ≤ 0 are left out like non-finite ones. */
  readonly logY?: boolean;
  /** Size in CSS pixels (default 520 × 320). */
  readonly width?: number;
  readonly height?: number;
}

/** matplotlib's 'tab10' cycle, the colours of the series in order. */
const SERIES_COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'] as const;

/**
 * The font of every chart and figure: the reader's system sans-serif in a browser; DejaVu Sans
 * when rendered to PNG (`svgToPng` loads only that font, and maps sans-serif to it).
 */
export const CHART_FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/** Coordinates rounded to 0.01 px: sharp enough, and the markup stays small. */
const r2 = (v: number) => Math.round(v * 100) / 100;

function extent(values: Iterable<number>): [number, number] | undefined {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
  return lo <= hi ? [lo, hi] : undefined;
}

/** A non-empty domain: a single value v becomes v ± 5% of |v| (± 0.5 for v = 0); no data gives [0, 1]. */
function padded(d: [number, number] | undefined): [number, number] {
  if (!d) return [0, 1];
  if (d[0] < d[1]) return d;
  const h = Math.abs(d[0]) > 0 ? Math.abs(d[0]) * 0.05 : 0.5;
  return [d[0] - h, d[1] + h];
}

/** A y axis: the scale (data → SVG y), its tick values and their labels. */
interface YAxis { readonly y: (v: number) => number; readonly yt: readonly number[]; readonly yf: (v: number) => string }

/** Linear y: nice ticks, SI-prefixed labels ('~s', with a hyphen-minus). */
function linearAxis(spec: ChartSpec, ys: readonly number[], range: [number, number]): YAxis {
  const y = scaleLinear().domain(padded(extent([...ys, ...(spec.yInclude ?? [])]))).range(range).nice(5);
  const f = y.tickFormat(5, '~s');
  return { y, yt: y.ticks(5), yf: (v) => f(v).replace('−', '-') };
}

/**
 * Logarithmic y over the positive values, widened to whole decades: ticks at powers of ten (every
 * k-th when there are more than 7), labelled 0.001 … 1000 in full and as 1e-4, 1e4 beyond.
 * @throws InputError when no y is positive: a log axis would have nothing to show
 */
function logAxis(spec: ChartSpec, ys: readonly number[], range: [number, number]): YAxis {
  const d = extent([...ys, ...(spec.yInclude ?? []).filter((v) => v > 0)]);
  if (!d) throw new InputError(`chartSvg: '${spec.title}' has a log y axis and no positive value to draw`, { key: 'series', expected: 'some y > 0', actual: 'none' });
  const y = scaleLog().domain(d[0] < d[1] ? d : [d[0] / Math.SQRT2, d[1] * Math.SQRT2]).range(range).nice();
  const [lo, hi] = y.domain().map((v) => Math.round(Math.log10(v))) as [number, number];
  const every = Math.ceil((hi - lo + 1) / 7), yt: number[] = [];
  for (let k = lo; k <= hi; k += every) yt.push(10 ** k);
  return { y, yt, yf: (v) => { const k = Math.round(Math.log10(v)); return Math.abs(k) <= 3 ? String(v) : `1e${k}`; } };
}

/**
 * A line chart as a standalone SVG element (a string), the one chart renderer of ptychojs's HTML
 * views: `report.html` inlines it and the web app inserts it. Real text (system sans-serif, 12–14
 * px, legible at 100% zoom), nice ticks on both axes (d3-scale), axis labels, a legend with each
 * series' colour (matplotlib's tab10 cycle), markers on series of ≤ 40 points, and non-finite
 * values as gaps (d3-shape); optionally a logarithmic y axis (`logY`). Every text from data is escaped, so names read from files
 * stay text. Pure; the same markup in Node and in a browser.
 *
 * Structure, for tests and styling: `<svg class="chart" data-title=…>`, one `<path class="series"
 * data-name=… data-points=N>` per series, `<g class="x-axis">`/`<g class="y-axis">` with one
 * `<text>` per tick, `<g class="legend">`.
 * @throws InputError for a log y axis (`logY`) with no positive value
 */
export function chartSvg(spec: ChartSpec): string {
  const width = spec.width ?? 520, height = spec.height ?? 320;
  const m = { top: 34, right: 16, bottom: 46, left: 70 };
  // A point is drawn when both coordinates are finite (and y > 0 on a log axis); others break the line.
  const shown = (a: number, b: number) => Number.isFinite(a) && Number.isFinite(b) && (!spec.logY || b > 0);
  const xs = spec.series.flatMap((s) => Array.from(s.x));
  const ys = spec.series.flatMap((s) => Array.from(s.y)).filter((v) => !spec.logY || v > 0);
  const x = scaleLinear().domain(padded(extent([...xs, ...(spec.xInclude ?? [])]))).range([m.left, width - m.right]).nice(6);
  const xt = spec.xIntegers ? x.ticks(6).filter(Number.isInteger) : x.ticks(6);
  const xf = spec.xIntegers ? (v: number) => String(v) : x.tickFormat(6);
  const { y, yt, yf } = spec.logY ? logAxis(spec, ys, [height - m.bottom, m.top]) : linearAxis(spec, ys, [height - m.bottom, m.top]);
  const [x0, x1] = x.range() as [number, number], [y0, y1] = [height - m.bottom, m.top];
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" data-title="${esc(spec.title)}" font-family="${CHART_FONT_FAMILY}" font-size="12">`);
  out.push(`<title>${esc(spec.title)}</title>`);
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#fff"/>`);
  out.push(`<text x="${r2((x0 + x1) / 2)}" y="20" text-anchor="middle" font-size="14" font-weight="600" fill="#222">${esc(spec.title)}</text>`);
  // Grid and axes.
  out.push('<g class="grid" stroke="#e6e6e6" stroke-width="1">');
  for (const t of yt) out.push(`<line x1="${x0}" x2="${x1}" y1="${r2(y(t))}" y2="${r2(y(t))}"/>`);
  for (const t of xt) out.push(`<line x1="${r2(x(t))}" x2="${r2(x(t))}" y1="${y0}" y2="${y1}"/>`);
  out.push('</g>');
  out.push(`<g class="x-axis" fill="#333" text-anchor="middle"><line x1="${x0}" x2="${x1}" y1="${y0}" y2="${y0}" stroke="#555"/>`);
  for (const t of xt) out.push(`<line x1="${r2(x(t))}" x2="${r2(x(t))}" y1="${y0}" y2="${y0 + 5}" stroke="#555"/><text x="${r2(x(t))}" y="${y0 + 18}">${esc(xf(t))}</text>`);
  out.push(`<text class="axis-label" x="${r2((x0 + x1) / 2)}" y="${height - 8}" font-size="13">${esc(spec.xLabel)}</text></g>`);
  out.push(`<g class="y-axis" fill="#333" text-anchor="end"><line x1="${x0}" x2="${x0}" y1="${y0}" y2="${y1}" stroke="#555"/>`);
  for (const t of yt) out.push(`<line x1="${x0 - 5}" x2="${x0}" y1="${r2(y(t))}" y2="${r2(y(t))}" stroke="#555"/><text x="${x0 - 8}" y="${r2(y(t)) + 4}">${esc(yf(t))}</text>`);
  out.push(`<text class="axis-label" transform="translate(16 ${r2((y0 + y1) / 2)}) rotate(-90)" text-anchor="middle" font-size="13">${esc(spec.yLabel)}</text></g>`);
  // Curves.
  out.push(`<g class="curves" fill="none" stroke-width="2">`);
  spec.series.forEach((s, i) => {
    const color = SERIES_COLORS[i % SERIES_COLORS.length]!;
    const pts: [number, number][] = Array.from({ length: Math.min(s.x.length, s.y.length) }, (_, k) => [s.x[k]!, s.y[k]!]);
    const finite = pts.filter(([a, b]) => shown(a, b));
    const d = line<[number, number]>().defined(([a, b]) => shown(a, b)).x(([a]) => r2(x(a))).y(([, b]) => r2(y(b)))(pts) ?? '';
    out.push(`<path class="series" data-name="${esc(s.name)}" data-points="${finite.length}" d="${d}" stroke="${color}"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    if (finite.length <= 40 && !s.dashed) for (const [a, b] of finite) out.push(`<circle cx="${r2(x(a))}" cy="${r2(y(b))}" r="3" fill="${color}" stroke="none"/>`);
  });
  out.push('</g>');
  // Legend, top right inside the plot.
  const lw = Math.max(...spec.series.map((s) => s.name.length), 4) * 7 + 36, lh = 18 * spec.series.length + 8;
  const lx = x1 - lw - 6, ly = y1 + 6;
  out.push(`<g class="legend"><rect x="${lx}" y="${ly}" width="${lw}" height="${lh}" fill="#fff" fill-opacity="0.85" stroke="#ccc"/>`);
  spec.series.forEach((s, i) => {
    const color = SERIES_COLORS[i % SERIES_COLORS.length]!, yy = ly + 16 + 18 * i;
    out.push(`<line x1="${lx + 8}" x2="${lx + 28}" y1="${yy - 4}" y2="${yy - 4}" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/><text x="${lx + 34}" y="${yy}" fill="#222">${esc(s.name)}</text>`);
  });
  out.push('</g></svg>');
  return out.join('');
}
