/**
 * The persons of the registry as the duplicate scan needs them, held in columns of numbers: NIK
 * and KK as two 8-digit halves, the birth date as YYYYMMDD, desa, kecamatan, name tokens and
 * address words as ids into dictionaries of their distinct values. About 70 bytes a person (a
 * million persons: ~70 MB), read in one pass, so that blocks can be compared without going back
 * to the database. A person is rebuilt as a PersonRecord only when a block holds them.
 */
import type { Db } from '../db/open.js';
import { nikDateParts } from '../nik/nik.js';
import { addressWords, type PersonRecord } from './compare.js';
import { nameTokens } from './names.js';

/** Distinct strings by id. */
class Dictionary {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }
}

/** A growable list of ids in one typed array, with each person's start offset. */
class Lists {
  data = new Uint32Array(1 << 16);
  length = 0;
  readonly start: Uint32Array;
  constructor(persons: number) {
    this.start = new Uint32Array(persons + 2);
  }
  push(person: number, ids: number[]): void {
    if (this.length + ids.length > this.data.length) {
      const bigger = new Uint32Array(Math.max(this.data.length * 2, this.length + ids.length));
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
    }
    this.start[person] = this.length;
    for (const id of ids) this.data[this.length++] = id;
    this.start[person + 1] = this.length;
  }
  of(person: number): Uint32Array {
    return this.data.subarray(this.start[person], this.start[person + 1]);
  }
}

const NONE = 0xffffffff;
const NOT_DIGITS = 0xfffffffe;

/** YYYYMMDD from the NIK's DDMMYY when DTKS gives no birth date (the century: not after this year). */
export function birthFromNik(nik: string, thisYear: number): number | null {
  const d = nikDateParts(nik);
  if (!d) return null;
  const year = 2000 + d.yy <= thisYear ? 2000 + d.yy : 1900 + d.yy;
  return year * 10000 + d.month * 100 + d.day;
}

function lahirNumber(lahir: string | null, nik: string, thisYear: number): number | null {
  if (lahir !== null && /^\d{4}-\d{2}-\d{2}$/.test(lahir)) return Number(lahir.slice(0, 4)) * 10000 + Number(lahir.slice(5, 7)) * 100 + Number(lahir.slice(8, 10));
  return birthFromNik(nik, thisYear);
}

const half = (digits: string, at: number) => Number(digits.slice(at, at + 8));
const pad8 = (n: number) => String(n).padStart(8, '0');

export type PersonRow = [nik: string, no_kk: string | null, nama: string, tanggal_lahir: string | null, jenis_kelamin: string | null,
  desa: string | null, kecamatan: string | null, alamat: string | null, applicant: number];

export class PeopleTable {
  readonly count: number;
  private n = 0;
  private readonly nikHi: Uint32Array;
  private readonly nikLo: Uint32Array;
  private readonly kkHi: Uint32Array;
  private readonly kkLo: Uint32Array;
  private readonly lahir: Uint32Array;
  private readonly sex: Uint8Array;
  private readonly desa: Uint32Array;
  private readonly kec: Uint32Array;
  readonly applicant: Uint8Array;
  private readonly names: Lists;
  private readonly words: Lists;
  readonly tokens = new Dictionary();
  /** Each token's first two letters as one number: names sharing none cannot match (nameSimilarity). */
  private readonly tokenHead: number[] = [];
  private readonly places = new Dictionary();
  private readonly addressDict = new Dictionary();
  private readonly oddKk = new Dictionary();

  constructor(capacity: number, private readonly thisYear: number) {
    this.count = capacity;
    [this.nikHi, this.nikLo, this.kkHi, this.kkLo, this.lahir, this.desa, this.kec] = Array.from({ length: 7 }, () => new Uint32Array(capacity + 1));
    this.sex = new Uint8Array(capacity + 1);
    this.applicant = new Uint8Array(capacity + 1);
    this.names = new Lists(capacity);
    this.words = new Lists(capacity);
  }

  get size(): number {
    return this.n;
  }

  /** Adds a person; returns their id (1, 2, …) and their name tokens. */
  add(row: PersonRow): { id: number; tokens: string[]; lahir: number | null; desa: number | null } {
    const id = ++this.n;
    const [nik, kk, nama, tanggal, jk, desa, kec, alamat, applicant] = row;
    this.nikHi[id] = half(nik, 0);
    this.nikLo[id] = half(nik, 8);
    const card = kk?.trim() ?? '';
    if (card === '') this.kkHi[id] = NONE;
    else if (/^\d{16}$/.test(card)) [this.kkHi[id], this.kkLo[id]] = [half(card, 0), half(card, 8)];
    else [this.kkHi[id], this.kkLo[id]] = [NOT_DIGITS, this.oddKk.id(card)];
    const lahir = lahirNumber(tanggal, nik, this.thisYear);
    this.lahir[id] = lahir ?? 0;
    this.sex[id] = jk === 'L' ? 1 : jk === 'P' ? 2 : 0;
    this.desa[id] = desa === null ? NONE : this.places.id(`d:${desa}`);
    this.kec[id] = kec === null ? NONE : this.places.id(`k:${kec}`);
    this.applicant[id] = applicant;
    const tokens = nameTokens(nama);
    this.names.push(id, tokens.map((t) => {
      const tid = this.tokens.id(t);
      if (tid === this.tokenHead.length) this.tokenHead.push(t.charCodeAt(0) * 256 + (t.charCodeAt(1) || 0));
      return tid;
    }));
    this.words.push(id, addressWords(alamat).map((w) => this.addressDict.id(w)));
    return { id, tokens, lahir, desa: desa === null ? null : this.desa[id]! };
  }

  /** The heads (first two letters) of a person's name tokens. */
  heads(id: number): number[] {
    const out: number[] = [];
    for (const t of this.names.of(id)) out.push(this.tokenHead[t]!);
    return out;
  }

  nik(id: number): string {
    return pad8(this.nikHi[id]!) + pad8(this.nikLo[id]!);
  }

  /** The person as the comparison sees them; `nameCount` from the caller's counts of sorted names. */
  record(id: number, nameCount: (sorted: string) => number): PersonRecord {
    const tokens: string[] = [];
    for (const t of this.names.of(id)) tokens.push(this.tokens.values[t]!);
    const sorted = tokens.length > 1 ? [...tokens].sort().join(' ') : tokens.join(' ');
    const hi = this.kkHi[id]!;
    const lahir = this.lahir[id]!;
    return {
      nik: this.nik(id),
      kk: hi === NONE ? null : hi === NOT_DIGITS ? this.oddKk.values[this.kkLo[id]!]! : pad8(hi) + pad8(this.kkLo[id]!),
      name: { tokens, joined: tokens.join(' '), sorted },
      nameCount: nameCount(sorted),
      lahir: lahir === 0 ? null : lahir,
      sex: this.sex[id] === 1 ? 'L' : this.sex[id] === 2 ? 'P' : null,
      desa: this.desa[id] === NONE ? null : this.desa[id]!,
      kecamatan: this.kec[id] === NONE ? null : this.kec[id]!,
      alamat: Array.from(this.words.of(id)),
    };
  }
}

/**
 * Reads every person into a PeopleTable, one pass in rowid order. The desa is its code, else the
 * kecamatan and the desa's name; `applicant`: applied in `tahun` (every person when no year).
 */
export function readPeople(db: Db, tahun: number | undefined, thisYear: number,
  onPerson: (p: { id: number; nik: string; tokens: string[]; lahir: number | null; desa: number | null }) => void): PeopleTable {
  const count = db.prepare(`SELECT count(*) FROM persons`).pluck().get() as number;
  const table = new PeopleTable(count, thisYear);
  const rows = db.prepare(`
    SELECT p.nik, p.no_kk, p.nama, p.tanggal_lahir, p.jenis_kelamin,
           COALESCE(NULLIF(trim(p.kode_desa), ''), CASE WHEN NULLIF(trim(p.desa), '') IS NOT NULL
             THEN COALESCE(NULLIF(trim(p.kode_kecamatan), ''), p.kode_kabupaten || '|' || upper(trim(p.kecamatan))) || '|' || upper(trim(p.desa)) END),
           COALESCE(NULLIF(trim(p.kode_kecamatan), ''), CASE WHEN NULLIF(trim(p.kecamatan), '') IS NOT NULL
             THEN p.kode_kabupaten || '|' || upper(trim(p.kecamatan)) END),
           p.alamat,
           ${tahun === undefined ? '1' : 'EXISTS (SELECT 1 FROM applications a WHERE a.nik = p.nik AND a.tahun = @tahun)'}
    FROM persons p`).raw();
  for (const row of rows.iterate(tahun === undefined ? {} : { tahun }) as IterableIterator<PersonRow>) {
    if (table.size >= count) break;
    const added = table.add(row);
    onPerson({ ...added, nik: row[0] });
  }
  return table;
}
