/**
 * The codes of a visit report and the spellings field workers write for them. Each parser returns
 * undefined when the value cannot be read.
 */

export const STATUS_USAHA = ['berjalan', 'kesulitan', 'berhenti', 'pindah_usaha'] as const;
export type StatusUsaha = (typeof STATUS_USAHA)[number];

/**
 * Still running: open as before (berjalan), open with problems (kesulitan), or switched to another
 * business (pindah_usaha: the package still earns a living). Only berhenti is a closed business.
 */
export const RUNNING: ReadonlySet<StatusUsaha> = new Set(['berjalan', 'kesulitan', 'pindah_usaha']);

export const KENDALA = ['modal', 'pemasaran', 'bahan_baku', 'peralatan', 'kesehatan', 'keluarga', 'lainnya'] as const;

/** Referral to training: the labour office (Disnaker) or the trade/cooperatives office. */
export const RUJUKAN = ['disnaker', 'disperindagkop'] as const;

const key = (raw: string) => raw.toLowerCase().replace(/[^a-z0-9]/g, '');

const STATUS_SPELLINGS: Record<string, StatusUsaha> = {
  berjalan: 'berjalan', jalan: 'berjalan', aktif: 'berjalan', lancar: 'berjalan', buka: 'berjalan',
  kesulitan: 'kesulitan', sulit: 'kesulitan', bermasalah: 'kesulitan', kuranglancar: 'kesulitan',
  berhenti: 'berhenti', henti: 'berhenti', tutup: 'berhenti', stop: 'berhenti', tidakberjalan: 'berhenti', mati: 'berhenti',
  pindahusaha: 'pindah_usaha', pindah: 'pindah_usaha', gantiusaha: 'pindah_usaha', beralihusaha: 'pindah_usaha', alihusaha: 'pindah_usaha',
};

export function parseStatusUsaha(raw: string): StatusUsaha | undefined {
  return STATUS_SPELLINGS[key(raw)];
}

const KENDALA_SPELLINGS: Record<string, string> = {
  modal: 'modal', kurangmodal: 'modal', pemasaran: 'pemasaran', pasar: 'pemasaran', sepipembeli: 'pemasaran',
  bahanbaku: 'bahan_baku', bahan: 'bahan_baku', peralatan: 'peralatan', alat: 'peralatan', alatrusak: 'peralatan',
  kesehatan: 'kesehatan', sakit: 'kesehatan', keluarga: 'keluarga', lainnya: 'lainnya', lain: 'lainnya', lainlain: 'lainnya',
};

const RUJUKAN_SPELLINGS: Record<string, string> = {
  disnaker: 'disnaker', naker: 'disnaker', dinastenagakerja: 'disnaker', tenagakerja: 'disnaker', blk: 'disnaker',
  pelatihandisnaker: 'disnaker', disperindagkop: 'disperindagkop', diskop: 'disperindagkop', diskopukm: 'disperindagkop',
  koperasi: 'disperindagkop', disperindag: 'disperindagkop', perdagangan: 'disperindagkop', pelatihandiskop: 'disperindagkop',
  pelatihandisperindagkop: 'disperindagkop',
};

const NONE = new Set(['', 'tidak', 'tidakada', 'tdkada', 'nihil', 'none', 'no', 'belum']);

/** Several codes in one cell, separated by , ; / | or + (or by spaces, as ODK writes them); returned in the fixed code order. */
function parseCodes(raw: string, spellings: Record<string, string>, order: readonly string[]): string[] | undefined {
  const cell = raw.trim();
  if (cell === '' || cell === '-' || NONE.has(key(cell))) return [];
  const found = new Set<string>();
  // ODK writes a select_multiple as values separated by spaces ("modal bahan_baku").
  const parts = /[,;/|+]/.test(cell) || spellings[key(cell)] ? cell.split(/[,;/|+]/) : cell.split(/\s+/);
  for (const part of parts) {
    if (part.trim() === '') continue;
    const code = spellings[key(part)];
    if (!code) return undefined;
    found.add(code);
  }
  return order.filter((c) => found.has(c));
}

export function parseKendala(raw: string): string[] | undefined {
  return parseCodes(raw, KENDALA_SPELLINGS, KENDALA);
}

export function parseRujukan(raw: string): string[] | undefined {
  return parseCodes(raw, RUJUKAN_SPELLINGS, RUJUKAN);
}

/** Monthly turnover in whole rupiah: "750000", "750.000", "Rp 1,250,000", "0". "" → null. */
export function parseOmzet(raw: string): number | null | undefined {
  const t = raw.trim().replace(/^rp\.?\s*/i, '').replace(/,-$|\.-$/, '');
  if (t === '' || t === '-') return null;
  if (!/^\d{1,3}(?:([.,\s])\d{3}(?:\1\d{3})*)?$|^\d+$/.test(t)) return undefined;
  const n = Number(t.replace(/[.,\s]/g, ''));
  return Number.isSafeInteger(n) ? n : undefined;
}
