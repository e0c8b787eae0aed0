import { csvLine, DEFAULT_DIRT, dtksRowFate, isReject, writeChunks } from './dtks.js';
import { NIK_CAPACITY, personHousehold, regency, syntheticPerson, type Person } from './people.js';
import { Random } from './random.js';

/**
 * Writes a synthetic PKH (Program Keluarga Harapan) membership list for the people of a DTKS
 * sample written with the same seed, dirt, startIndex 0 and no onlyKabupaten: members "in DTKS" are
 * drawn from the rows that sample's importer accepts (PKH families first), so their NIKs match
 * exactly; the rest are people who are not in the DTKS file (indices dtksRows, dtksRows + 1, …).
 */

export const PKH_HEADER = ['NIK', 'NAMA', 'ID_KELUARGA_PKH', 'ID_PESERTA', 'STATUS_PKH', 'IBU_HAMIL', 'ANAK_USIA_DINI', 'ANAK_SEKOLAH', 'LANSIA', 'DISABILITAS', 'KABUPATEN'];

export interface PkhOptions {
  seed: number;
  /** Rows of the DTKS sample (written from index 0). */
  dtksRows: number;
  rows: number;
  /** Fraction of rows whose NIK is not in the DTKS sample; default 0.05. */
  notInDtks?: number;
  /** The dirt of the DTKS sample, to leave out its rejected rows; default 0.03 as there. */
  dirt?: number;
}

export interface PkhResult {
  rows: number;
  /** Rows whose NIK is not in the DTKS sample. */
  notInDtks: number;
}

const SALT_ORDER = 0x0bd3;
const SALT_ROW = 0x9a4e;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Selection sampling (Knuth's algorithm S): `want` of `pool`, in pool order. */
function sample(pool: number[], want: number, rng: Random): number[] {
  const out: number[] = [];
  for (let i = 0; i < pool.length && out.length < want; i++) {
    if (rng.next() * (pool.length - i) < want - out.length) out.push(pool[i]!);
  }
  return out;
}

function pkhCells(p: Person, rng: Random): string[] {
  const idKeluarga = `P${p.kabupaten}${pad(p.kk_index + 1, 9)}`;
  const age = 2025 - Number(p.tanggal_lahir.slice(0, 4));
  const count = (weights: number[]) => String(rng.weighted([0, 1, 2, 3], weights));
  return [
    p.nik,
    rng.chance(0.6) ? p.nama.toUpperCase() : p.nama,
    idKeluarga,
    `${idKeluarga}${pad(p.index - p.kk_index + 1, 2)}`,
    rng.chance(0.85) ? 'AKTIF' : 'TIDAK AKTIF',
    p.jenis_kelamin === 'P' && age >= 18 && age <= 42 && rng.chance(0.08) ? '1' : '0',
    count([55, 30, 12, 3]),
    count([35, 30, 25, 10]),
    p.lansia ? count([0, 80, 20, 0]) : count([90, 10, 0, 0]),
    p.disabilitas ? count([0, 90, 10, 0]) : count([96, 4, 0, 0]),
    rng.pick(regency(p.kabupaten).spellings),
  ];
}

export async function writePkhCsv(path: string, options: PkhOptions): Promise<PkhResult> {
  const { seed, dtksRows, rows } = options;
  const notShare = options.notInDtks ?? 0.05;
  const dirt = options.dirt ?? DEFAULT_DIRT;
  for (const [name, v] of [['rows', rows], ['dtksRows', dtksRows]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative integer, got ${v}`);
  }
  if (!(notShare >= 0 && notShare <= 1)) throw new RangeError(`notInDtks must be between 0 and 1, got ${notShare}`);

  // Accepted DTKS rows, PKH families first; the importer would reject the others.
  const pkhFamilies: number[] = [];
  const others: number[] = [];
  for (let i = 0; i < dtksRows; i++) {
    if (isReject(dtksRowFate(seed, i, { dirt }).kind)) continue;
    (personHousehold(seed, i).pkh ? pkhFamilies : others).push(i);
  }
  const rng = Random.for(seed, SALT_ORDER);
  const notCount = Math.round(rows * notShare);
  const inWanted = rows - notCount;
  const chosen = sample(pkhFamilies, inWanted, rng);
  if (chosen.length < inWanted) chosen.push(...sample(others, inWanted - chosen.length, rng));
  chosen.sort((a, b) => a - b);
  if (dtksRows + notCount > NIK_CAPACITY) throw new RangeError(`dtksRows + not-in-DTKS rows exceed ${NIK_CAPACITY}`);

  let inLeft = chosen.length;
  let notLeft = notCount;
  let nextIn = 0;
  let nextNot = dtksRows;
  function* chunks(): Generator<string> {
    let buf = csvLine(PKH_HEADER, ',', '\n');
    while (inLeft + notLeft > 0) {
      const outside = rng.next() * (inLeft + notLeft) < notLeft;
      const index = outside ? nextNot++ : chosen[nextIn++]!;
      if (outside) notLeft--;
      else inLeft--;
      buf += csvLine(pkhCells(syntheticPerson(seed, index), Random.for(seed, index, SALT_ROW)), ',', '\n');
      if (buf.length >= 1 << 16) {
        yield buf;
        buf = '';
      }
    }
    if (buf) yield buf;
  }
  await writeChunks(path, chunks());
  return { rows: chosen.length + notCount, notInDtks: notCount };
}
