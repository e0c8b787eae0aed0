/**
 * The libraries' bare streaming read of an .xlsx, for `npm run bench` to compare the import
 * with: yauzl inflates the parts (as it does by itself) and saxes, a general XML parser, parses
 * the shared strings and the sheet, with handlers that do nothing. Nothing of uep is used.
 * `node dist/dev/bench-xlsx-read.js <file.xlsx>` prints the elements seen.
 */
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

const zip = await new Promise<ZipFile>((resolve, reject) =>
  yauzl.open(process.argv[2]!, { lazyEntries: true, autoClose: false }, (err, z) => (err || !z ? reject(err) : resolve(z))));
const entries = await new Promise<Map<string, Entry>>((resolve, reject) => {
  const found = new Map<string, Entry>();
  zip.on('entry', (e: Entry) => {
    found.set(e.fileName, e);
    zip.readEntry();
  });
  zip.once('end', () => resolve(found));
  zip.once('error', reject);
  zip.readEntry();
});

async function parse(part: string): Promise<number> {
  const entry = entries.get(part);
  if (!entry) return 0;
  const stream = await new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (err, s) => (err || !s ? reject(err) : resolve(s))));
  const parser = new SaxesParser({ position: false });
  let elements = 0;
  parser.on('opentag', () => elements++);
  parser.on('text', () => {});
  parser.on('closetag', () => {});
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream) parser.write(decoder.decode(chunk as Buffer, { stream: true }));
  parser.close();
  return elements;
}

const strings = await parse('xl/sharedStrings.xml');
const sheet = await parse('xl/worksheets/sheet1.xml');
zip.close();
process.stdout.write(`${JSON.stringify({ strings, sheet })}\n`);
