/**
 * Business survival, the figure the programme is judged by. Pure functions over plain data.
 *
 * Definition: a beneficiary's business counts as running when their LAST visit on or before the
 * reference date (--as-of) found it berjalan, kesulitan or pindah_usaha (switched to another
 * business: the package still earns a living), and as stopped when it found it berhenti.
 * Beneficiaries not visited by then are counted apart (belum_dikunjungi) and are NOT in the rate:
 * persen = bertahan / dikunjungi. The old group scheme kept 46%; selisih_poin is the difference in
 * percentage points.
 */
import { kabupatenNama, percent } from '../export/run.js';
import { RUNNING, type StatusUsaha } from '../monitor/visit-values.js';
import { addMonths, monthsBetween } from '../monitor/dates.js';

export const OLD_SCHEME_PERSEN = 46;

export interface Subject {
  nik: string;
  kode_kabupaten: string;
  jenis_usaha: string;
  jenis_kelamin: 'L' | 'P' | null;
}

export interface VisitFact {
  nik: string;
  tanggal: string;
  status: StatusUsaha;
  kendala: string[];
  rujukan: string[];
}

export interface SurvivalCell {
  dimensi: string;
  kelompok: string;
  penerima: number;
  dikunjungi: number;
  belum_dikunjungi: number;
  bertahan: number;
  berhenti: number;
  persen: number | null;
  selisih_poin: number | null;
}

export interface CurvePoint {
  bulan: number;
  tanggal: string;
  dikunjungi: number;
  bertahan: number;
  persen: number | null;
}

/** Each person's last visit on or before `asOf` (visits in any order; one visit per person and day). */
export function lastVisits(visits: readonly VisitFact[], asOf: string): Map<string, VisitFact> {
  const last = new Map<string, VisitFact>();
  for (const v of visits) {
    if (v.tanggal > asOf) continue;
    const before = last.get(v.nik);
    if (!before || v.tanggal > before.tanggal) last.set(v.nik, v);
  }
  return last;
}

export function survivalCell(dimensi: string, kelompok: string, subjects: readonly Subject[], last: Map<string, VisitFact>): SurvivalCell {
  let dikunjungi = 0;
  let bertahan = 0;
  for (const s of subjects) {
    const v = last.get(s.nik);
    if (!v) continue;
    dikunjungi++;
    if (RUNNING.has(v.status)) bertahan++;
  }
  const persen = percent(bertahan, dikunjungi);
  return {
    dimensi, kelompok, penerima: subjects.length, dikunjungi, belum_dikunjungi: subjects.length - dikunjungi, bertahan,
    berhenti: dikunjungi - bertahan, persen, selisih_poin: persen === null ? null : Math.round((persen - OLD_SCHEME_PERSEN) * 10) / 10,
  };
}

/** "0", "1-2", "3-5", "6-11", "12+" for the schedule 1, 3, 6, 12: the band a month count falls in. */
export function monthBands(bulan: readonly number[]): { label: string; from: number; to: number }[] {
  const starts = [...new Set([0, ...bulan])].sort((a, b) => a - b);
  return starts.map((from, i) => {
    const next = starts[i + 1];
    const to = next === undefined ? Infinity : next - 1;
    return { label: to === Infinity ? `${from}+` : from === to ? `${from}` : `${from}-${to}`, from, to };
  });
}

/** Subjects by a key, keys in order. */
export function groupBy(subjects: readonly Subject[], key: (s: Subject) => string): Map<string, Subject[]> {
  const out = new Map<string, Subject[]>();
  for (const s of subjects) {
    const k = key(s);
    const list = out.get(k) ?? [];
    list.push(s);
    out.set(k, list);
  }
  return new Map([...out].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

const SEX: Record<string, string> = { P: 'perempuan', L: 'laki-laki' };

/** The groups survival is shown for (the survival table and the Kaplan–Meier curves): dimension and key. */
export const SURVIVAL_DIMENSIONS: readonly [string, (s: Subject) => string][] = [
  ['kabupaten', (s) => `${s.kode_kabupaten} ${kabupatenNama(s.kode_kabupaten)}`],
  ['jenis_usaha', (s) => s.jenis_usaha],
  ['jenis_kelamin', (s) => SEX[s.jenis_kelamin ?? ''] ?? 'tidak diketahui'],
];

/**
 * Survival overall and by regency, business type, sex, and months from the grant to the last visit
 * (that dimension holds visited beneficiaries only: the unvisited have no last visit).
 */
export function survivalTable(subjects: readonly Subject[], last: Map<string, VisitFact>, tanggalHibah: string, bulan: readonly number[]): SurvivalCell[] {
  const cells = [survivalCell('semua', 'semua', subjects, last)];
  for (const [dim, key] of SURVIVAL_DIMENSIONS) for (const [k, group] of groupBy(subjects, key)) cells.push(survivalCell(dim, k, group, last));
  const bands = monthBands(bulan);
  for (const band of bands) {
    const group = subjects.filter((s) => {
      const v = last.get(s.nik);
      if (!v) return false;
      const m = monthsBetween(tanggalHibah, v.tanggal);
      return m >= band.from && m <= band.to;
    });
    if (group.length > 0) cells.push(survivalCell('bulan_sejak_hibah', band.label, group, last));
  }
  return cells;
}

/** Survival month by month since the grant: the same figure with the reference date moved to each month. */
export function survivalCurve(subjects: readonly Subject[], visits: readonly VisitFact[], tanggalHibah: string, asOf: string): CurvePoint[] {
  const points: CurvePoint[] = [];
  for (let m = 1; ; m++) {
    const tanggal = addMonths(tanggalHibah, m);
    if (tanggal > asOf) break;
    const cell = survivalCell('kurva', String(m), subjects, lastVisits(visits, tanggal));
    points.push({ bulan: m, tanggal, dikunjungi: cell.dikunjungi, bertahan: cell.bertahan, persen: cell.persen });
  }
  return points;
}
