/**
 * A DTSEN hand-over workbook holds a family sheet (one row per KK: region codes, address, desil,
 * business) and a member sheet (one row per person, with the KK): read as one extract, each member
 * row carrying its family's columns. The family sheet is read first into a temporary table keyed
 * by KK (memory stays flat however many families), then the members stream past it.
 */
import type { Db } from '../../db/open.js';
import type { SheetInfo, XlsxReader } from '../../xlsx/reader.js';
import type { FieldSpec } from '../headers.js';
import { sheetRecords, type SheetRecords } from './sheet-records.js';

const TABLE = 'temp.uep_xlsx_family';

/** The family sheet (a KK column, no NIK) and the member sheet (NIK and KK) among two visible sheets. */
export async function familyPair(
  reader: XlsxReader, name: string, sheets: SheetInfo[], fields: FieldSpec[], map: string[] | undefined,
): Promise<{ family: SheetInfo; members: SheetInfo } | undefined> {
  if (!fields.some((f) => f.field === 'no_kk')) return undefined;
  const heads: SheetRecords[] = [];
  try {
    for (const sheet of sheets) heads.push(await sheetRecords(reader, name, sheet, fields, map));
  } catch {
    return undefined; // not a readable pair: the caller asks which sheet
  } finally {
    for (const h of heads) h.stop();
  }
  const has = (h: SheetRecords, field: string) => h.mapping.index.has(field);
  const family = heads.filter((h) => has(h, 'no_kk') && !has(h, 'nik'));
  const members = heads.filter((h) => has(h, 'no_kk') && has(h, 'nik'));
  return family.length === 1 && members.length === 1 ? { family: family[0]!.sheet, members: members[0]!.sheet } : undefined;
}

export async function joinFamilies(
  db: Db, name: string, reader: XlsxReader, familySheet: SheetInfo, memberSheet: SheetInfo, fields: FieldSpec[], map: string[] | undefined,
): Promise<Omit<SheetRecords, 'mapping' | 'stop'> & { family: SheetInfo }> {
  const family = await sheetRecords(reader, name, familySheet, fields, map);
  const iFamilyKk = family.mapping.index.get('no_kk')!;
  const familyColumns = family.header.map((_, i) => i).filter((i) => i !== iFamilyKk);
  db.exec(`DROP TABLE IF EXISTS ${TABLE}; CREATE TABLE ${TABLE} (kk TEXT PRIMARY KEY, cells TEXT NOT NULL)`);
  const insert = db.prepare(`INSERT OR IGNORE INTO ${TABLE} (kk, cells) VALUES (?, ?)`);
  const load = db.transaction((rows: { fields: string[] }[]) => {
    for (const r of rows) {
      const kk = (r.fields[iFamilyKk] ?? '').trim();
      if (kk !== '') insert.run(kk, JSON.stringify(familyColumns.map((i) => r.fields[i] ?? '')));
    }
  });
  for await (const rows of family.batches()) load(rows);

  const members = await sheetRecords(reader, name, memberSheet, fields, map);
  const iKk = members.mapping.index.get('no_kk')!;
  const lookup = db.prepare(`SELECT cells FROM ${TABLE} WHERE kk = ?`).pluck();
  const width = members.header.length;
  const empty = familyColumns.map(() => '');
  return {
    sheet: memberSheet,
    family: familySheet,
    header: [...members.header, ...familyColumns.map((i) => family.header[i]!)],
    headerLine: members.headerLine,
    totalBytes: members.totalBytes,
    bytesRead: members.bytesRead,
    async *batches() {
      for await (const rows of members.batches()) {
        for (const r of rows) {
          const cells = lookup.get((r.fields[iKk] ?? '').trim()) as string | undefined;
          // Cells beyond the member header stay after it: the row-width check sees them.
          const own = r.fields.length > width ? r.fields.slice(0, width) : r.fields.concat(Array(width - r.fields.length).fill(''));
          r.fields = [...own, ...(cells ? (JSON.parse(cells) as string[]) : empty), ...r.fields.slice(width)];
        }
        yield rows;
      }
    },
  };
}
