/**
 * Charts as SVG text, drawn when the report is generated: Apache ECharts' server-side rendering
 * (no browser, no DOM, no canvas). The prebuilt "common" bundle (bar, line and the usual
 * components in one file) loads in a fifth of the time of ECharts' hundreds of ES modules, and only
 * when a chart is drawn.
 *
 * A suppressed cell (small-cell rule) is drawn as no bar at all, with its "<5" or "×" as the label
 * where the bar would start: the chart never shows more than the table beside it.
 */
import { createRequire } from 'node:module';
import type { EChartsOption } from 'echarts';

type ECharts = typeof import('echarts');
let library: ECharts | undefined;

function echarts(): ECharts {
  return (library ??= createRequire(import.meta.url)('echarts/dist/echarts.common.min.js') as ECharts);
}

/** Single quotes only: ECharts writes the stack into a double-quoted SVG style attribute. */
export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";
export const COLOURS = ['#1f5f99', '#e08a2e', '#3a9a5b', '#b8433b', '#7d5ba6', '#8a6d3b', '#d16ba5', '#5f6b73', '#2aa3a3', '#b5b52a', '#4d4d9f'];
const MUTED = '#6b7280';

/** One chart as an SVG document (no animation, no interactivity). */
export function renderSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, color: COLOURS, textStyle: { fontFamily: FONT, fontSize: 12, color: '#1f2937' }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** A value drawn as a bar: a number, or null with the text a suppressed cell shows ("<5", "×"). */
export interface BarValue {
  value: number | null;
  label: string;
}

export interface BarSpec {
  categories: string[];
  series: { name: string; values: BarValue[]; colour?: string }[];
  /** Axis labels: numbers as the reader writes them. */
  axisLabel: (v: number) => string;
  axisName?: string;
  /** A dashed line across every bar (the old scheme's 46%), with its label. */
  reference?: { value: number; label: string };
  stack?: boolean;
  /** Bars along the x axis (horizontal bars are the default: long regency names read better). */
  vertical?: boolean;
  max?: number;
  width: number;
  height?: number;
  showLabels?: boolean;
  /** Room right of the longest bar for its label (rupiah labels are long). */
  labelRoom?: number;
}

function barData(values: BarValue[], showLabels: boolean): unknown[] {
  return values.map((v) => (v.value === null
    ? { value: 0, itemStyle: { color: 'rgba(0,0,0,0)' }, label: { show: true, formatter: v.label, color: MUTED, fontStyle: 'italic', position: 'right' } }
    : { value: v.value, label: { show: showLabels, formatter: v.label } }));
}

export function barChart(spec: BarSpec): string {
  const rows = spec.categories.length;
  const perRow = spec.vertical ? 0 : spec.stack || spec.series.length === 1 ? 22 : 12 * spec.series.length + 8;
  const height = spec.height ?? Math.max(160, 70 + rows * perRow + (spec.series.length > 1 ? 24 : 0));
  const category = { type: 'category' as const, data: spec.categories, inverse: !spec.vertical, axisTick: { show: false },
    axisLabel: { color: '#1f2937', width: 150, overflow: 'truncate' as const, interval: 0 } };
  const value = { type: 'value' as const, max: spec.max, name: spec.axisName, nameLocation: 'middle' as const, nameGap: 24,
    axisLabel: { formatter: (v: number) => spec.axisLabel(v), color: MUTED }, splitLine: { lineStyle: { color: '#e5e7eb' } } };
  const showLabels = spec.showLabels ?? true;
  const series = spec.series.map((s, i) => ({
    type: 'bar' as const, name: s.name, stack: spec.stack ? 'all' : undefined, data: barData(s.values, showLabels && !spec.stack),
    itemStyle: s.colour ? { color: s.colour } : undefined, barMaxWidth: 28,
    label: { position: spec.stack ? ('inside' as const) : ('right' as const), fontSize: 11, color: '#1f2937' },
    markLine: i === 0 && spec.reference ? referenceLine(spec.reference, spec.vertical ? 'yAxis' : 'xAxis') : undefined,
  }));
  return renderSvg({
    grid: { left: spec.vertical ? 48 : 160, right: spec.labelRoom ?? 56, top: spec.series.length > 1 ? 34 : 12, bottom: spec.axisName ? 40 : 28, containLabel: false },
    legend: spec.series.length > 1 ? { top: 0, left: 'center', itemWidth: 14, itemHeight: 10, itemGap: 22 } : undefined,
    xAxis: spec.vertical ? category : value,
    yAxis: spec.vertical ? value : category,
    series,
  } as EChartsOption, spec.width, height);
}

function referenceLine(ref: { value: number; label: string }, axis: 'xAxis' | 'yAxis') {
  return {
    silent: true, symbol: 'none', lineStyle: { type: 'dashed' as const, color: '#b8433b', width: 1.5 },
    label: { formatter: ref.label, color: '#b8433b', position: axis === 'xAxis' ? ('end' as const) : ('insideEndTop' as const) },
    data: [{ [axis]: ref.value }],
  };
}

export interface StepSpec {
  /** One step line per series: [month, percent] points. */
  series: { name: string; points: [number, number][] }[];
  xName: string;
  yName: string;
  axisLabel: (v: number) => string;
  reference?: { value: number; label: string };
  width: number;
  height?: number;
}

/** Kaplan–Meier curves: step lines of percent against months. */
export function stepChart(spec: StepSpec): string {
  const maxMonth = Math.max(1, ...spec.series.flatMap((s) => s.points.map((p) => p[0])));
  // The legend wraps at about four names a line: the plot starts below it.
  const legendRows = spec.series.length > 1 ? Math.ceil(spec.series.length / 4) : 0;
  return renderSvg({
    grid: { left: 52, right: 24, top: 16 + legendRows * 22, bottom: 44 },
    legend: spec.series.length > 1 ? { top: 0, left: 'center', itemWidth: 14, itemHeight: 8, itemGap: 18, type: 'plain' } : undefined,
    xAxis: { type: 'value', min: 0, max: maxMonth, interval: maxMonth > 12 ? 3 : 1, name: spec.xName, nameLocation: 'middle', nameGap: 26,
      axisLabel: { color: MUTED }, splitLine: { show: false } },
    yAxis: { type: 'value', min: 0, max: 100, name: spec.yName, nameLocation: 'middle', nameGap: 38,
      axisLabel: { formatter: (v: number) => spec.axisLabel(v), color: MUTED }, splitLine: { lineStyle: { color: '#e5e7eb' } } },
    series: spec.series.map((s, i) => ({
      type: 'line', name: s.name, step: 'end', showSymbol: false, data: s.points, lineStyle: { width: 2 },
      markLine: i === 0 && spec.reference ? referenceLine(spec.reference, 'yAxis') : undefined,
    })),
  } as EChartsOption, spec.width, (spec.height ?? 280) + legendRows * 22);
}
