/**
 * Finding a beneficiary to record a visit for, by what the visit sheets and phone lists show:
 * id_penerima (`225`), the masked NIK (`6401********8325`), a name, or the full NIK. Digits in a
 * search match only digits that are shown (id_penerima and the masked NIK's first and last four),
 * never the hidden middle of a NIK.
 */
import type { Db } from '../db/open.js';
import { maskNik, parseNik } from '../nik/nik.js';

export interface Candidate {
  id_penerima: number;
  nik: string;
  nik_masked: string;
  nama: string;
  desa: string | null;
  kecamatan: string | null;
}

const MASKED = /^(\d{4})\*+(\d{4})$/;

function beneficiaries(db: Db): Candidate[] {
  const rows = db.prepare(`
    SELECT max(r.run_id) AS run_id, r.application_id AS id_penerima, r.nik, COALESCE(p.nama, '') AS nama, p.desa, p.kecamatan
    FROM allocation_results r JOIN allocation_runs a ON a.id = r.run_id LEFT JOIN persons p ON p.nik = r.nik
    WHERE a.status = 'final' AND r.outcome = 'selected'
    GROUP BY r.nik ORDER BY nama, id_penerima`).all() as (Omit<Candidate, 'nik_masked'> & { run_id?: number })[];
  // One row per person, from their latest final run (SQLite takes the bare columns from the max row).
  return rows.map(({ run_id: _, ...r }) => ({ ...r, nik_masked: maskNik(r.nik) }));
}

/** Every beneficiary of a final run the query points to (none, one, or several to choose from). */
export function findBeneficiaries(db: Db, query: string): Candidate[] {
  const q = query.trim().replace(/^'/, '');
  const all = beneficiaries(db);
  if (/^\d{16}$/.test(q)) {
    const parsed = parseNik(q);
    return parsed.ok ? all.filter((c) => c.nik === parsed.nik) : [];
  }
  if (/^\d{1,12}$/.test(q)) {
    const byId = all.filter((c) => c.id_penerima === Number(q));
    if (byId.length > 0) return byId;
  }
  const masked = MASKED.exec(q);
  if (masked) return all.filter((c) => c.nik_masked.startsWith(masked[1]!) && c.nik_masked.endsWith(masked[2]!));
  const words = q.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return [];
  return all.filter((c) => {
    const shown = `${c.nama} ${c.desa ?? ''} ${c.kecamatan ?? ''}`.toLowerCase();
    const digits = `${c.id_penerima} ${c.nik_masked.slice(0, 4)} ${c.nik_masked.slice(-4)}`;
    return words.every((w) => (/^\d+$/.test(w) ? digits.split(' ').some((d) => d.includes(w)) : shown.includes(w)));
  });
}
