import { writeApplicantsCsv } from './applicants.js';
import { writeAssessmentsCsv, writeRecipientsCsv } from './assessments.js';
import { writeDtksCsv } from './dtks.js';
import { writePkhCsv } from './pkh.js';

/**
 * The sample files shipped in data/sample/: one seed, one programme year. `npm run sample` writes
 * them; a test checks the committed files are exactly what these calls produce.
 */
export const SAMPLE = { seed: 2026, dtksRows: 8000, bdtRows: 1000, tahun: 2026, asOf: '2026-10-31' } as const;

const people = { seed: SAMPLE.seed, dtksRows: SAMPLE.dtksRows, tahun: SAMPLE.tahun };

export const SAMPLE_FILES: { name: string; describe: string; write(path: string): Promise<unknown> }[] = [
  {
    name: 'dtks.csv',
    describe: 'DTKS extract, comma separated, with the dirt of real files (3% of rows)',
    write: (p) => writeDtksCsv(p, { rows: SAMPLE.dtksRows, seed: SAMPLE.seed, style: 'dtks', dirt: 0.03 }),
  },
  {
    name: 'bdt.csv',
    describe: 'BDT-style extract: ; + BOM + CRLF, KDPROP/KDKAB in BPS codes, other people',
    write: (p) => writeDtksCsv(p, { rows: SAMPLE.bdtRows, seed: SAMPLE.seed, style: 'bdt', dirt: 0.02, startIndex: SAMPLE.dtksRows }),
  },
  {
    name: 'pkh.csv',
    describe: 'PKH membership of people in dtks.csv, plus some not in DTKS',
    write: (p) => writePkhCsv(p, { seed: SAMPLE.seed, dtksRows: SAMPLE.dtksRows, rows: 2500 }),
  },
  {
    name: 'penerima-sebelumnya.csv',
    describe: 'recipients of an earlier year (not eligible again)',
    write: (p) => writeRecipientsCsv(p, { ...people, rows: 4000 }),
  },
  {
    name: 'pendaftar.csv',
    describe: 'registrations for the programme year, from the regencies',
    write: (p) => writeApplicantsCsv(p, { ...people, rows: 4000 }),
  },
  {
    name: 'asesmen.csv',
    describe: 'assessment answers from paper forms, one column per rubric question',
    write: (p) => writeAssessmentsCsv(p, { ...people, rows: 4000, asOf: SAMPLE.asOf }),
  },
];
