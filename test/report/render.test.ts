import { describe, expect, it } from 'vitest';
import { getRun } from '../../src/allocate/store.js';
import { bar, barChart } from '../../src/report/bars.js';
import { monitoringReport } from '../../src/report/monitoring.js';
import { renderMonitoring } from '../../src/report/render.js';
import { freshDb } from '../export/builders.js';
import { cohort } from './history.js';

describe('bar charts', () => {
  it('draws eighths of a cell', () => {
    expect(bar(0.5, 10)).toBe('█████');
    expect(bar(0.55, 10)).toBe('█████▌');
    expect(bar(1.2, 4)).toBe('████');
    expect(bar(0, 4)).toBe('');
  });

  it('aligns labels, marks the reference and colours through the painter only', () => {
    const paint = { green: (s: string) => `<g>${s}</g>`, red: (s: string) => `<r>${s}</r>`, dim: (s: string) => `<d>${s}</d>`, bold: (s: string) => s };
    const text = barChart([{ label: 'makanan', persen: 80, note: '4/5' }, { label: 'bengkel', persen: 25 }, { label: 'minuman', persen: null }],
      { width: 40, reference: 46, paint });
    expect(text.split('\n')).toEqual([
      'makanan  <g>██████████████▍</g>      80.0%  4/5',
      'bengkel  <r>████▌</r>   <d>┊</d>            25.0%',
      'minuman                           –',
    ]);
  });
});

describe('the monitoring report in the terminal', () => {
  it('shows the headline against 46%, charts and the overdue table, without colour when plain', () => {
    const { db } = freshDb();
    const r = monitoringReport(db, { run: getRun(db, cohort(db)), asOf: '2026-03-15', now: new Date('2026-03-20T00:00:00Z') });
    const text = renderMonitoring(r, { width: 80, overdueLimit: 2 });
    expect(text).not.toMatch(/\u001b\[/);
    const lines = text.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Business survival · run 1 (2025) · as of 2026-03-15 · grant 2025-03-01',
      'Running at the last visit: 80.0% (4 of 5 visited) · old scheme 46% +34.0 points',
      'Not yet visited: 1 of 6 (not counted in the rate)',
      'Status at the last visit: berjalan 3 · kesulitan 0 · berhenti 1 · pindah_usaha 1',
    ]);
    expect(text).toContain('Overdue visits: 5');
    expect(text).toContain('… and 3 more (all of them with --out)');
    expect(lines.find((l) => l.startsWith('6472 Samarinda'))).toMatch(/^6472 Samarinda +█+▍? *┊? + 66\.7%  2\/3$/);
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(80);
  });
});
