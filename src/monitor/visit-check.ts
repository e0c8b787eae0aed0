/**
 * One visit report, checked the same way whether it comes from a file (`uep monitor import`) or
 * is typed in (`uep monitor record`). Returns the visit or a reason code.
 */
import { parseTanggal } from '../import/values.js';
import { maskNik, parseNik } from '../nik/nik.js';
import type { BeneficiaryIndex } from './beneficiaries.js';
import { parseKendala, parseOmzet, parseRujukan, parseStatusUsaha, type StatusUsaha } from './visit-values.js';

export interface VisitCells {
  /** A full NIK, or a masked one (6472********0001) when id_penerima is given. */
  nik: string;
  /** The visit sheet's id_penerima (the application id); optional. */
  id_penerima?: string;
  tanggal_kunjungan: string;
  petugas: string;
  status_usaha: string;
  omzet_bulanan: string;
  kendala: string;
  tindak_lanjut: string;
  rujukan: string;
}

export interface Visit {
  nik: string;
  tanggal_kunjungan: string;
  petugas: string;
  status_usaha: StatusUsaha;
  omzet_bulanan: number | null;
  /** Codes joined by ',' (null: none). */
  kendala: string | null;
  tindak_lanjut: string | null;
  rujukan: string | null;
  warnings: string[];
  /** A phone form's submission: its ids (src/field/submission.ts) and when the server received it. */
  instance_id?: string | null;
  version_id?: string | null;
  deprecated_id?: string | null;
  submitted_at?: string | null;
}

export type VisitResult = { ok: true; visit: Visit } | { ok: false; reason: string };

/** Excel leaves a TAB or an apostrophe in front of digits it was told to keep as text. */
const clean = (s: string | undefined) => (s ?? '').trim().replace(/^'/, '').trim();

function resolveNik(cells: VisitCells, index: BeneficiaryIndex): { nik: string } | { reason: string } {
  const cell = clean(cells.nik);
  const idCell = clean(cells.id_penerima);
  const byId = idCell === '' ? undefined : /^\d{1,12}$/.test(idCell) ? index.nikOfApplication.get(Number(idCell)) ?? null : null;
  if (byId === null) return { reason: 'id_penerima_unknown' };
  if (cell === '' || cell.includes('*')) {
    if (byId === undefined) return { reason: cell === '' ? 'nik_missing' : 'nik_masked' };
    if (cell !== '' && maskNik(byId) !== cell) return { reason: 'nik_mismatch' };
    return { nik: byId };
  }
  const parsed = parseNik(cell);
  if (!parsed.ok) return { reason: parsed.reason };
  if (byId !== undefined && byId !== parsed.nik) return { reason: 'nik_mismatch' };
  return { nik: parsed.nik };
}

export function visitChecker(index: BeneficiaryIndex, monitorIds: ReadonlySet<string>, today: string): (cells: VisitCells) => VisitResult {
  return (cells) => {
    const who = resolveNik(cells, index);
    if ('reason' in who) return { ok: false, reason: who.reason };
    const { nik } = who;
    if (!index.grantOf.has(nik)) return { ok: false, reason: 'not_a_beneficiary' };

    const tanggalRaw = clean(cells.tanggal_kunjungan);
    if (tanggalRaw === '') return { ok: false, reason: 'tanggal_missing' };
    const tanggal = parseTanggal(tanggalRaw);
    if (!tanggal) return { ok: false, reason: 'tanggal_invalid' };
    if (tanggal > today) return { ok: false, reason: 'tanggal_future' };
    const grant = index.grantOf.get(nik);
    if (grant && tanggal < grant) return { ok: false, reason: 'tanggal_before_grant' };

    const petugas = clean(cells.petugas);
    if (petugas === '') return { ok: false, reason: 'petugas_missing' };
    const statusRaw = clean(cells.status_usaha);
    if (statusRaw === '') return { ok: false, reason: 'status_usaha_missing' };
    const status = parseStatusUsaha(statusRaw);
    if (!status) return { ok: false, reason: 'status_usaha_invalid' };
    const omzet = parseOmzet(clean(cells.omzet_bulanan));
    if (omzet === undefined) return { ok: false, reason: 'omzet_invalid' };
    const kendala = parseKendala(cells.kendala ?? '');
    if (!kendala) return { ok: false, reason: 'kendala_invalid' };
    const rujukan = parseRujukan(cells.rujukan ?? '');
    if (!rujukan) return { ok: false, reason: 'rujukan_invalid' };

    const warnings: string[] = [];
    if (!monitorIds.has(petugas)) warnings.push('petugas_unknown');
    if (status === 'berhenti' && omzet !== null && omzet > 0) warnings.push('omzet_while_stopped');
    if (status === 'kesulitan' && kendala.length === 0) warnings.push('kendala_missing');
    const tindak = (cells.tindak_lanjut ?? '').trim().replace(/\s+/g, ' ');
    return {
      ok: true,
      visit: {
        nik, tanggal_kunjungan: tanggal, petugas, status_usaha: status, omzet_bulanan: omzet,
        kendala: kendala.length > 0 ? kendala.join(',') : null, tindak_lanjut: tindak === '' ? null : tindak,
        rujukan: rujukan.length > 0 ? rujukan.join(',') : null, warnings,
      },
    };
  };
}
