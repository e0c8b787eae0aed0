/**
 * The reports of one file that are one visit: the same person and date, or versions of one
 * submission (an edit on the form server may change the date). One of each is kept: of two
 * versions the later (src/field/submission.ts), else the later submission, else the first.
 */
import { idsOf, sameSubmission, versionOrder, type SubmissionVersion } from '../field/submission.js';
import type { Visit } from './visit-check.js';

export interface VisitReport {
  visit: Visit;
  line: number;
  fields: string[];
}

export function versionOf(v: Visit): SubmissionVersion {
  return { instance_id: v.instance_id ?? null, version_id: v.version_id ?? null, deprecated_id: v.deprecated_id ?? null, submitted_at: v.submitted_at ?? null };
}

/** Whether `a` is kept rather than `b`. */
function beats(a: VisitReport, b: VisitReport): boolean {
  const [va, vb] = [versionOf(a.visit), versionOf(b.visit)];
  const order = sameSubmission(va, vb) ? versionOrder(va, vb) : 'same';
  if (order !== 'same') return order === 'newer';
  const [ta, tb] = [va.submitted_at, vb.submitted_at];
  if (ta !== tb && (ta || tb)) return !!ta && (!tb || ta > tb);
  return a.line < b.line;
}

const keysOf = (v: Visit) => [`visit:${v.nik}|${v.tanggal_kunjungan}`, ...(v.version_id ? idsOf(versionOf(v)).map((id) => `id:${id}`) : [])];

export class VisitReports {
  private readonly kept: (VisitReport | undefined)[] = [];
  private readonly byKey = new Map<string, number>();

  /** Adds a report; returns those that are now duplicates (the report itself when an earlier one stays). */
  add(report: VisitReport): VisitReport[] {
    const keys = keysOf(report.visit);
    const found = [...new Set(keys.flatMap((k) => this.byKey.get(k) ?? []))].sort((a, b) => a - b);
    const involved = [report, ...found.map((i) => this.kept[i]!)];
    const winner = involved.reduce((w, r) => (beats(w, r) ? w : r));
    const slot = found[0] ?? this.kept.length;
    for (const i of found) this.kept[i] = undefined;
    this.kept[slot] = winner;
    for (const r of involved) for (const k of keysOf(r.visit)) this.byKey.set(k, slot);
    return involved.filter((r) => r !== winner);
  }

  visits(): Visit[] {
    return this.kept.flatMap((r) => (r ? [r.visit] : []));
  }
}
