/**
 * Hostile workbooks for the campaign: a small valid .xlsx made from a sample's first lines, then
 * broken at the XML (junk, tags cut or mismatched, entities, a DTD, deep nesting, a cell index out
 * of range) or at the zip (cut short, a byte changed, a part missing, a sheet of 40 MB that
 * compresses to almost nothing).
 */
import { deflateRawSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { crc32 } from '../../xlsx/crc32.js';

/**
 * A zip of the parts, deflated as an .xlsx is (or stored, so a test can change a byte of a part);
 * `declare` overrides the size a part declares.
 */
export function zipParts(parts: [string, Buffer][], options: { store?: boolean; declare?: Record<string, number> } = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const packed = options.store ? data : deflateRawSync(data);
    const method = options.store ? 0 : 8;
    const declared = options.declare?.[name] ?? data.length;
    const fileName = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, fileName, packed);
    central.push(entry, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function column(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The sheet XML of CSV text: numbers as number cells (a NIK becomes one, as in a real file), the rest inline strings. */
export function sheetXmlOf(csvText: string): string {
  const rows = parse(csvText, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
  const body = rows.map((cells, r) => `<row r="${r + 1}">${cells.map((v, c) => {
    const ref = `${column(c)}${r + 1}`;
    if (/^-?\d{1,17}$/.test(v) && r > 0) return `<c r="${ref}"><v>${Number(v)}</v></c>`;
    return v === '' ? '' : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
  }).join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a workbook whose sheets hold the given XML. */
export function workbookParts(sheets: string[]): [string, Buffer][] {
  const names = sheets.map((_, i) => `Sheet${i + 1}`);
  return [
    ['[Content_Types].xml', Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`)],
    ['_rels/.rels', Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`)],
    ['xl/workbook.xml', Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`)],
    ['xl/_rels/workbook.xml.rels', Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`)],
    ...sheets.map((xml, i): [string, Buffer] => [`xl/worksheets/sheet${i + 1}.xml`, Buffer.from(xml, 'utf8')]),
  ];
}

const XML_JUNK = ['<', '>', '&', '&foo;', '&#0;', '&#x110000;', '<![CDATA[', ']]>', '</row>', '</c>', '<row>', '<c r="XFE1048577"><v>1</v></c>',
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>', '&a;', '<row r="-5">', '<c t="s"><v>999999</v></c>', '<c t="s"><v>-1</v></c>',
  '\u0000', '<x:c r="A9">', '"', "'", '<?pi?>', '<!-- x', '<c r="A1" t="d"><v>not a date</v></c>', '<c r="B2" s="99999"><v>45000</v></c>',
  '<a>'.repeat(2000), '\uFFFE', '<c r="A3" t="inlineStr"><is><t>=HYPERLINK("http://x")</t></is></c>'];

/** A broken workbook made from the CSV text of a sample, and how it was broken. */
export function hostileWorkbook(csvText: string): fc.Arbitrary<{ how: string; bytes: Buffer }> {
  const xml = sheetXmlOf(csvText);
  const whole = zipParts(workbookParts([xml]));
  return fc.oneof(
    fc.constant({ how: 'a valid workbook', bytes: whole }),
    fc.tuple(fc.integer({ min: 0, max: xml.length - 1 }), fc.array(fc.constantFrom(...XML_JUNK), { minLength: 1, maxLength: 4 }))
      .map(([at, junk]) => ({ how: `sheet XML with ${JSON.stringify(junk.join('')).slice(0, 40)} inside`, bytes: zipParts(workbookParts([xml.slice(0, at) + junk.join('') + xml.slice(at)])) })),
    fc.integer({ min: 1, max: xml.length - 1 }).map((n) => ({ how: 'sheet XML cut short', bytes: zipParts(workbookParts([xml.slice(0, n)])) })),
    fc.integer({ min: 1, max: whole.length - 1 }).map((n) => ({ how: 'zip cut short', bytes: whole.subarray(0, n) })),
    fc.tuple(fc.integer({ min: 0, max: whole.length - 1 }), fc.integer({ min: 1, max: 255 }))
      .map(([at, x]) => {
        const bytes = Buffer.from(whole);
        bytes[at]! ^= x;
        return { how: 'a byte of the zip changed', bytes };
      }),
    fc.constantFrom('xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml')
      .map((part) => ({ how: `without ${part}`, bytes: zipParts(workbookParts([xml]).filter(([name]) => name !== part)) })),
    fc.constant({ how: 'two sheets', bytes: zipParts(workbookParts([xml, xml])) }),
    fc.constant({
      how: 'a 40 MB sheet that compresses to almost nothing',
      bytes: zipParts(workbookParts([xml.replace('</sheetData>', `${'<row/>'.repeat(7_000_000)}</sheetData>`)])),
    }),
  );
}
