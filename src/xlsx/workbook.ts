/**
 * The workbook's map: its sheets (name, visibility, part), where the shared strings and styles
 * live, and its date system. Parts are found through the relationship files, as the format says,
 * not by conventional names.
 */
import { posix } from 'node:path';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { XlsxZip } from './zip.js';

export interface SheetInfo {
  /** 1-based position in the workbook (what `--sheet N` counts). */
  position: number;
  name: string;
  hidden: boolean;
  part: string;
}

export interface WorkbookInfo {
  sheets: SheetInfo[];
  date1904: boolean;
  sharedStrings?: string;
  styles?: string;
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Every element of a small XML part, with its attributes. */
function elements(xml: string): SaxesTagPlain[] {
  const out: SaxesTagPlain[] = [];
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => out.push(tag as SaxesTagPlain));
  parser.write(xml).close();
  return out;
}

/** Relationship targets of a part's .rels file, by id and by type (last segment of the type URI). */
async function relationships(zip: XlsxZip, part: string): Promise<{ byId: Map<string, string>; byType: Map<string, string> }> {
  const dir = posix.dirname(part);
  const rels = posix.join(dir === '.' ? '' : dir, '_rels', `${posix.basename(part)}.rels`);
  const byId = new Map<string, string>();
  const byType = new Map<string, string>();
  if (!zip.has(rels)) return { byId, byType };
  for (const el of elements(await zip.text(rels))) {
    if (localName(el.name) !== 'Relationship' || el.attributes.TargetMode === 'External') continue;
    const raw = String(el.attributes.Target ?? '');
    const target = raw.startsWith('/') ? raw.slice(1) : posix.normalize(posix.join(dir === '.' ? '' : dir, raw));
    byId.set(String(el.attributes.Id), target);
    byType.set(String(el.attributes.Type ?? '').split('/').pop()!, target);
  }
  return { byId, byType };
}

export async function readWorkbook(zip: XlsxZip): Promise<WorkbookInfo> {
  const root = await relationships(zip, '');
  const book = root.byType.get('officeDocument') ?? 'xl/workbook.xml';
  if (!zip.has(book)) throw new Error(`workbook part ${book} is missing`);
  const rels = await relationships(zip, book);
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  for (const el of elements(await zip.text(book))) {
    const name = localName(el.name);
    if (name === 'workbookPr') date1904 = ['1', 'true'].includes(String(el.attributes.date1904 ?? '').toLowerCase());
    if (name !== 'sheet') continue;
    const rid = Object.entries(el.attributes).find(([k]) => localName(k) === 'id')?.[1];
    const part = rid !== undefined ? rels.byId.get(String(rid)) : undefined;
    // Chart sheets and dialog sheets have no cells: skipped.
    if (!part || !zip.has(part) || !/worksheets?\//i.test(part)) continue;
    const state = String(el.attributes.state ?? 'visible');
    sheets.push({ position: sheets.length + 1, name: String(el.attributes.name ?? ''), hidden: state !== 'visible', part });
  }
  const present = (p: string | undefined) => (p && zip.has(p) ? p : undefined);
  return { sheets, date1904, sharedStrings: present(rels.byType.get('sharedStrings')), styles: present(rels.byType.get('styles')) };
}
