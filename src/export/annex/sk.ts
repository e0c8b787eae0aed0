/**
 * The decree (surat keputusan, SK) whose annex `export allocation --format xlsx` prints: who
 * decides, its number, date and subject, and who signs. From a small JSON file (data/sk.json of
 * uep by default; data/sk.example.json shows the fields), each value overridable by a flag. Never
 * made up: a missing or unfilled field stops the export with the field's name and the fix.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UepError } from '../../errors.js';
import { displayPath } from '../../fsutil/display.js';
import { MiB, readInputText, type InputSpec } from '../../fsutil/input.js';
import { t } from '../../i18n/index.js';
import { parseTanggal } from '../../import/values.js';

export const DEFAULT_SK_FILE = fileURLToPath(new URL('../../../data/sk.json', import.meta.url));
export const SK_EXAMPLE = 'data/sk.example.json';
const SK_SPEC: InputSpec = { what: 'decree file', flag: '--sk', maxBytes: MiB };

export interface Sk {
  /** Who decides: "KEPALA DINAS SOSIAL PROVINSI KALIMANTAN TIMUR" (LAMPIRAN KEPUTUSAN …). */
  keputusan: string;
  nomor: string;
  /** YYYY-MM-DD. */
  tanggal: string;
  /** "PENERIMA BANTUAN USAHA EKONOMI PRODUKTIF TAHUN 2026". */
  tentang: string;
  /** Where it is signed (Ditetapkan di …). */
  tempat: string;
  penandatangan: { jabatan: string; nama: string; pangkat?: string; nip: string };
}

/** Values given on the command line, over the file's. */
export interface SkOverrides {
  nomor?: string;
  tanggal?: string;
}

const REQUIRED = ['keputusan', 'nomor', 'tanggal', 'tentang', 'tempat', 'penandatangan.jabatan', 'penandatangan.nama', 'penandatangan.nip'] as const;

/** An example's placeholder (`<nomor SK>`, also inside a text) is not a value. */
const isPlaceholder = (v: string) => /<[^<>]+>/.test(v);

function valueAt(data: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), data);
}

function readFile(file: string, given: boolean): Record<string, unknown> {
  if (!given && !existsSync(file)) {
    throw new UepError(t('workbook:sk.no_file', { file: displayPath(file) }), t('workbook:sk.no_file_hint', { example: SK_EXAMPLE }));
  }
  const { text } = readInputText(file, SK_SPEC);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UepError(t('workbook:sk.not_json', { file: displayPath(file), reason: (err as Error).message }), t('workbook:sk.fix_hint', { example: SK_EXAMPLE }));
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new UepError(t('workbook:sk.not_object', { file: displayPath(file) }), t('workbook:sk.fix_hint', { example: SK_EXAMPLE }));
  }
  return data as Record<string, unknown>;
}

/** The decree from `file` (default data/sk.json of uep) with the flags' values over it. */
export function loadSk(file: string | undefined, overrides: SkOverrides = {}): Sk {
  const path = file ?? DEFAULT_SK_FILE;
  const data = readFile(path, file !== undefined);
  const merged: Record<string, unknown> = { ...data, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
  const missing = REQUIRED.filter((k) => {
    const v = valueAt(merged, k);
    return typeof v !== 'string' || v.trim() === '' || isPlaceholder(v);
  });
  if (missing.length > 0) {
    throw new UepError(t('workbook:sk.missing', { file: displayPath(path), fields: missing.join(', ') }), t('workbook:sk.missing_hint'));
  }
  const tanggal = parseTanggal(String(merged.tanggal));
  if (!tanggal) throw new UepError(t('workbook:sk.bad_date', { file: displayPath(path), value: String(merged.tanggal) }), t('workbook:sk.bad_date_hint'));
  const p = merged.penandatangan as Record<string, unknown>;
  const pangkat = typeof p.pangkat === 'string' && p.pangkat.trim() !== '' && !isPlaceholder(p.pangkat) ? p.pangkat.trim() : undefined;
  const text = (k: string) => String(valueAt(merged, k)).trim();
  return {
    keputusan: text('keputusan'), nomor: text('nomor'), tanggal, tentang: text('tentang'), tempat: text('tempat'),
    penandatangan: { jabatan: text('penandatangan.jabatan'), nama: text('penandatangan.nama'), nip: text('penandatangan.nip'), ...(pangkat ? { pangkat } : {}) },
  };
}
