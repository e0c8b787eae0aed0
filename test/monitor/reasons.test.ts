/**
 * The codes of assessment and monitoring and their explanations: every code the source can give
 * has one in both catalogues, and the catalogues explain no code that does not exist. The codes
 * themselves never change with the language.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSESS_NOTES, ASSESS_REASONS, assessReasonText, explainAssessReason } from '../../src/assess/reasons.js';
import { flatten, loadCatalogue } from '../../src/i18n/catalogue.js';
import { setLanguage } from '../../src/i18n/index.js';
import { explainReason, explainWarning, ROSTER_REASONS, VISIT_NOTES, VISIT_REASONS, VISIT_WARNINGS } from '../../src/monitor/reasons.js';
import { reasonText } from '../../src/rubric/texts.js';
import { REASONS } from '../../src/rubric/types.js';
import { ROOT } from '../helpers.js';
import { RUBRIC } from '../score/builders.js';

const source = (path: string) => readFileSync(join(ROOT, 'src', path), 'utf8');
const found = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]!);
/** The quoted codes in each expression `pattern` captures (`a === '' ? 'x_missing' : 'x_invalid'` gives both). */
const codes = (text: string, pattern: RegExp) => found(text, pattern).flatMap((expr) => found(expr, /'(\w+)'/g));
const sorted = (codes: Iterable<string>) => [...new Set(codes)].sort();

/** The keys under `prefix` of a namespace, in one language. */
function keys(lang: 'id' | 'en', ns: string, prefix: string): string[] {
  return [...flatten(loadCatalogue(lang)[ns]!).keys()].filter((k) => k.startsWith(`${prefix}.`)).map((k) => k.slice(prefix.length + 1)).sort();
}

describe('reason and warning codes', () => {
  it('every code monitoring gives is listed, and explained in both languages; nothing else is', () => {
    const visit = [...codes(source('monitor/visit-check.ts'), /reason: ([^}]+)\}/g), ...found(source('monitor/visit-import.ts'), /reject\([\w.]+, '(\w+)'/g)];
    const notes = codes(source('monitor/visit-store.ts'), /\bnote\(([^;]+)\);/g);
    const roster = codes(source('monitor/monitors.ts'), /new Rejected\(([^)]+)\)/g);
    const warnings = found(source('monitor/visit-check.ts'), /warnings\.push\('(\w+)'\)/g);
    expect(sorted(visit)).toEqual(sorted(VISIT_REASONS));
    expect(sorted(roster)).toEqual(sorted(ROSTER_REASONS));
    expect(sorted(warnings)).toEqual(sorted(VISIT_WARNINGS));
    expect(sorted(notes)).toEqual(sorted(VISIT_NOTES));
    for (const lang of ['id', 'en'] as const) {
      expect(keys(lang, 'monitor', 'reason')).toEqual(sorted([...VISIT_REASONS, ...ROSTER_REASONS]));
      expect(keys(lang, 'monitor', 'warning')).toEqual(sorted(VISIT_WARNINGS));
      expect(keys(lang, 'monitor', 'note')).toEqual(sorted(VISIT_NOTES));
    }
  });

  it('every code of the assessment forms and of the eligibility rules is explained in both languages', () => {
    const assess = codes(source('assess/form-row.ts'), /reason: ([^,}]+)[,}]/g);
    expect(sorted(assess)).toEqual(sorted(ASSESS_REASONS));
    expect(sorted(codes(source('assess/edits.ts'), /\bnote\(([^;]+)\);/g))).toEqual(sorted(ASSESS_NOTES));
    const rules = found(source('score/compute.ts'), /\['(\w+)', /g);
    expect(sorted(rules)).toEqual(sorted(REASONS));
    for (const lang of ['id', 'en'] as const) {
      expect(keys(lang, 'assess', 'reason')).toEqual(sorted(ASSESS_REASONS));
      expect(keys(lang, 'assess', 'note')).toEqual(sorted(ASSESS_NOTES));
      expect(keys(lang, 'rubric', 'reason')).toEqual(sorted(REASONS));
    }
  });

  it('the explanation stands beside the unchanged code, in the reader\'s language', () => {
    setLanguage('id');
    expect(explainReason('tanggal_future')).toBe('tanggal_future — tanggal kunjungan berada di masa depan');
    expect(explainWarning('petugas_unknown')).toBe('petugas_unknown — petugas tidak ada dalam daftar petugas');
    expect(explainReason('nik_format')).toBe('nik_format'); // a NIK code: explained by the NIK's own area
    expect(reasonText('desil_above_max')).toBe('desil melebihi batas tertinggi');
    expect(explainAssessReason('tanggal_future', RUBRIC.rubric)).toBe('tanggal_future — tanggal asesmen berada di masa depan');
    expect(assessReasonText('jumlah_tanggungan_invalid', RUBRIC.rubric)).toBe('jawaban pertanyaan jumlah_tanggungan bukan bilangan bulat dari 0 sampai 20');
    expect(assessReasonText('minat_motivasi_missing', RUBRIC.rubric)).toBe('pertanyaan minat_motivasi tidak dijawab');
    expect(assessReasonText('kesehatan_invalid', RUBRIC.rubric)).toBe('jawaban pertanyaan kesehatan bukan salah satu pilihannya');
    expect(explainAssessReason('nik_duplicate', RUBRIC.rubric)).toBe('nik_duplicate');
    setLanguage('en');
    expect(explainReason('tanggal_future')).toBe('tanggal_future — the visit date is in the future');
    expect(assessReasonText('minat_motivasi_missing', RUBRIC.rubric)).toBe('no answer to question minat_motivasi');
  });
});
