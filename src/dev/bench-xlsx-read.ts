/**
 * The libraries' bare streaming read of an .xlsx, for `npm run bench` to compare the import
 * with: yauzl inflates the sheet part and saxes, a general XML parser, parses it (and the shared
 * strings), with handlers that do nothing. `node dist/dev/bench-xlsx-read.js <file.xlsx>` prints the elements seen.
 */
import { SaxesParser } from 'saxes';
import { openXlsxZip } from '../xlsx/zip.js';

async function parse(zip: Awaited<ReturnType<typeof openXlsxZip>>, part: string): Promise<number> {
  const parser = new SaxesParser({ position: false });
  let elements = 0;
  parser.on('opentag', () => elements++);
  parser.on('text', () => {});
  parser.on('closetag', () => {});
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of await zip.stream(part)) parser.write(decoder.decode(chunk as Buffer, { stream: true }));
  parser.close();
  return elements;
}

const zip = await openXlsxZip(process.argv[2]!);
const strings = zip.has('xl/sharedStrings.xml') ? await parse(zip, 'xl/sharedStrings.xml') : 0;
const sheet = await parse(zip, 'xl/worksheets/sheet1.xml');
zip.close();
process.stdout.write(`${JSON.stringify({ strings, sheet })}\n`);
