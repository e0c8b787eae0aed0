/**
 * Synthetic UEP registrations for the people of a DTKS sample written with the same seed (from
 * index 0, no onlyKabupaten): applicants are drawn from the rows that sample's importer accepts,
 * mostly of working age, so their NIKs match; a seeded share of rows carries each reject of
 * `uep applicants import`. The plan is a function of the options alone, so the assessment sample
 * (assessments.ts) finds the same applicants again.
 */
import { JENIS_USAHA, JENIS_USAHA_LABEL, type JenisUsaha } from '../applicants/jenis-usaha.js';
import { csvLine, DEFAULT_DIRT, dtksRowFate, isReject, writeChunks } from './dtks.js';
import { NIK_CAPACITY, personHousehold, syntheticPerson } from './people.js';
import { Random, weightedPicker } from './random.js';

export const APPLICANT_REJECTS = ['not_in_dtks', 'jenis_usaha_invalid', 'already_registered', 'nik_scientific', 'nik_format', 'nik_missing', 'nik_date'] as const;
export type ApplicantReject = (typeof APPLICANT_REJECTS)[number];
export const APPLICANTS_HEADER = ['NIK', 'Nama', 'Jenis Usaha', 'Tanggal Daftar', 'No HP', 'Keterangan'];

export interface ApplicantsOptions {
  seed: number;
  /** Rows of the DTKS sample (written from index 0). */
  dtksRows: number;
  /** Rows of the file, dirty ones included. */
  rows: number;
  tahun: number;
  /** Share of dirty rows (default 0.05; with 20 rows or more, every reject appears at least once). */
  dirt?: number;
  /** The dirt of the DTKS sample, to leave out its rejected rows (default as there). */
  dtksDirt?: number;
}

export interface Registration {
  /** Person index in the synthetic population. */
  index: number;
  jenis_usaha: JenisUsaha;
  /** YYYY-MM-DD */
  tanggal_daftar: string;
}

export interface ApplicantsPlan {
  /** Rows the importer accepts, in file order. */
  clean: Registration[];
  /** File rows: a clean registration (its position in `clean`), or a dirty row. */
  lines: ({ clean: number } | { reject: ApplicantReject; index: number })[];
}

const SALT_PICK = 0xa991;
const SALT_ROW = 0xa992;
const pickJenis = weightedPicker<JenisUsaha>([...JENIS_USAHA], [20, 10, 25, 15, 20, 10]);
const SPELLING: ((j: JenisUsaha) => string)[] = [(j) => JENIS_USAHA_LABEL[j], (j) => j, (j) => JENIS_USAHA_LABEL[j].toUpperCase()];
const age = (born: string, tahun: number) => tahun - Number(born.slice(0, 4));

/** Who registers, and which rows are dirty: deterministic in the options. */
export function applicantsPlan(o: ApplicantsOptions): ApplicantsPlan {
  const dirt = o.dirt ?? 0.05;
  const rng = Random.for(o.seed, SALT_PICK, o.tahun);
  const pool: number[] = [];
  for (let i = 0; i < o.dtksRows; i++) {
    if (isReject(dtksRowFate(o.seed, i, { dirt: o.dtksDirt ?? DEFAULT_DIRT }).kind) || personHousehold(o.seed, i).outsideProvince) continue;
    const p = syntheticPerson(o.seed, i);
    const a = age(p.tanggal_lahir, o.tahun);
    // Mostly 18–60 and desil 1–4 (the regencies recruit from the poorest); a few outside, so the rules have work to do.
    const likely = (a >= 18 && a <= 60 ? 1 : a >= 16 && a <= 66 ? 0.15 : 0) * (p.desil <= 4 ? 1 : 0.15);
    if (likely > 0 && rng.chance(likely)) pool.push(i);
  }
  const dirtyWanted = o.rows >= 20 ? Math.max(APPLICANT_REJECTS.length, Math.round(o.rows * dirt)) : Math.round(o.rows * dirt);
  const cleanWanted = Math.min(pool.length, o.rows - dirtyWanted);
  const chosen: number[] = [];
  for (let i = 0; i < pool.length && chosen.length < cleanWanted; i++) {
    if (rng.next() * (pool.length - i) < cleanWanted - chosen.length) chosen.push(pool[i]!);
  }
  const clean = chosen.map((index): Registration => {
    const p = syntheticPerson(o.seed, index);
    let jenis = pickJenis(rng);
    if (jenis === 'bengkel' && p.jenis_kelamin === 'P' && rng.chance(0.8)) jenis = 'pengolahan_kue';
    const day = rng.int(0, 74);
    const month = day < 31 ? 1 : day < 59 ? 2 : 3;
    const dd = day < 31 ? day + 1 : day < 59 ? day - 30 : day - 58;
    return { index, jenis_usaha: jenis, tanggal_daftar: `${o.tahun}-0${month}-${String(dd).padStart(2, '0')}` };
  });
  const lines: ApplicantsPlan['lines'] = clean.map((_, i) => ({ clean: i }));
  for (let k = 0; k < dirtyWanted && clean.length > 0; k++) {
    const reject = APPLICANT_REJECTS[k % APPLICANT_REJECTS.length]!;
    const index = reject === 'not_in_dtks' ? Math.min(o.dtksRows + k, NIK_CAPACITY - 1) : clean[rng.int(0, clean.length - 1)]!.index;
    // A repeated registration must come after the first; the others anywhere.
    const first = lines.findIndex((l) => 'clean' in l && clean[l.clean]!.index === index);
    const at = reject === 'already_registered' ? rng.int(first + 1, lines.length) : rng.int(0, lines.length);
    lines.splice(at, 0, { reject, index });
  }
  return { clean, lines };
}

function dirtyNik(nik: string, reject: ApplicantReject): string {
  if (reject === 'nik_scientific') return `${nik[0]}.${nik.slice(1, 6)}E+15`;
  if (reject === 'nik_format') return nik.slice(0, 15);
  if (reject === 'nik_missing') return '';
  if (reject === 'nik_date') return `${nik.slice(0, 8)}13${nik.slice(10)}`;
  return nik;
}

export async function writeApplicantsCsv(path: string, o: ApplicantsOptions): Promise<{ rows: number; clean: number; dirty: Record<ApplicantReject, number> }> {
  const plan = applicantsPlan(o);
  const dirty = Object.fromEntries(APPLICANT_REJECTS.map((r) => [r, 0])) as Record<ApplicantReject, number>;
  const formatDate = (iso: string, rng: Random) => (rng.chance(0.5) ? iso : `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`);
  function* chunks(): Generator<string> {
    yield csvLine(APPLICANTS_HEADER, ',', '\n');
    for (const [n, line] of plan.lines.entries()) {
      const rng = Random.for(o.seed, SALT_ROW, n);
      const reg = 'clean' in line ? plan.clean[line.clean]! : undefined;
      const p = syntheticPerson(o.seed, reg ? reg.index : (line as { index: number }).index);
      let jenis = SPELLING[rng.int(0, SPELLING.length - 1)]!(reg?.jenis_usaha ?? rng.pick(JENIS_USAHA));
      let nik = p.nik;
      if ('reject' in line) {
        dirty[line.reject]++;
        nik = dirtyNik(p.nik, line.reject);
        if (line.reject === 'jenis_usaha_invalid') jenis = rng.pick(['Warung Kopi', 'Sembako', 'Jahit', '']);
        if (line.reject === 'already_registered') {
          const first = plan.clean.find((c) => c.index === line.index)!;
          jenis = JENIS_USAHA_LABEL[JENIS_USAHA[(JENIS_USAHA.indexOf(first.jenis_usaha) + 1) % JENIS_USAHA.length]!];
        }
      }
      const tanggal = reg?.tanggal_daftar ?? `${o.tahun}-02-15`;
      const ket = rng.chance(0.1) ? rng.pick(['usulan desa', 'usulan TKSK', 'datang sendiri']) : '';
      yield csvLine([nik, p.nama, jenis, formatDate(tanggal, rng), p.no_hp, ket], ',', '\n');
    }
  }
  await writeChunks(path, chunks());
  return { rows: plan.lines.length, clean: plan.clean.length, dirty };
}
