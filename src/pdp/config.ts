/**
 * What the office says about its processing that the database cannot know: the controller, the
 * purposes, and how many years each kind of record is kept (data/pdp.json, `--config` for another).
 */
import { fileURLToPath } from 'node:url';
import { DataError } from '../errors.js';
import { MiB, readInputText, type InputSpec } from '../fsutil/input.js';
import { t } from '../i18n/index.js';

export const DEFAULT_PDP_CONFIG = fileURLToPath(new URL('../../data/pdp.json', import.meta.url));
const CONFIG_FILE: InputSpec = { what: 'pdp config', flag: '--config', maxBytes: MiB };

/** The retention rules, each in whole years after its event (see retention.ts). */
export const RETENTION_RULES = ['keluar_dtks', 'pendaftar_tidak_terpilih', 'penerima', 'kunjungan', 'keberatan_temuan', 'log_audit'] as const;
export type RetentionRule = (typeof RETENTION_RULES)[number];

export interface PdpConfig {
  file: string;
  pengendali: { nama: string; unit: string; kontak: string };
  tujuan: string[];
  retensi: Record<RetentionRule, number>;
}

export function loadPdpConfig(path: string = DEFAULT_PDP_CONFIG): PdpConfig {
  const { text } = readInputText(path, CONFIG_FILE);
  const bad = (field: string, problem: string) => new DataError(path, undefined, field, problem, t('pdp:config.hint'));
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw bad('', t('pdp:config.not_json', { error: (err as Error).message }));
  }
  const p = (raw.pengendali ?? {}) as Record<string, unknown>;
  const text1 = (v: unknown, field: string) => {
    if (typeof v !== 'string' || v.trim() === '') throw bad(field, t('pdp:config.text_needed'));
    return v.trim();
  };
  const tujuan = raw.tujuan;
  if (!Array.isArray(tujuan) || tujuan.length === 0) throw bad('tujuan', t('pdp:config.list_needed'));
  const r = (raw.retensi ?? {}) as Record<string, unknown>;
  const retensi = {} as Record<RetentionRule, number>;
  for (const rule of RETENTION_RULES) {
    const years = r[rule];
    if (typeof years !== 'number' || !Number.isInteger(years) || years < 1 || years > 100) throw bad(`retensi.${rule}`, t('pdp:config.years_needed'));
    retensi[rule] = years;
  }
  const unknown = Object.keys(r).filter((k) => !(RETENTION_RULES as readonly string[]).includes(k));
  if (unknown.length > 0) throw bad(`retensi.${unknown[0]}`, t('pdp:config.unknown_rule', { rules: RETENTION_RULES.join(', ') }));
  return {
    file: path,
    pengendali: { nama: text1(p.nama, 'pengendali.nama'), unit: text1(p.unit, 'pengendali.unit'), kontak: text1(p.kontak, 'pengendali.kontak') },
    tujuan: tujuan.map((x, i) => text1(x, `tujuan[${i}]`)),
    retensi,
  };
}
