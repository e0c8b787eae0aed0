/**
 * sharedStrings.xml streamed into a StringTable: each `<si>` is one string, the text of its `<t>`
 * elements (plain, or runs of rich text), without phonetic guides (`<rPh>`).
 */
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import { unescapeOoxml } from './sheet.js';
import { StringTable } from './string-table.js';

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

export async function readSharedStrings(stream: Readable): Promise<StringTable> {
  const table = new StringTable();
  const parser = new SaxesParser({ position: false });
  let inT = false;
  let inPhonetic = false;
  let text = '';
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 't') inT = !inPhonetic;
    else if (name === 'si') text = '';
    else if (name === 'rPh') inPhonetic = true;
  });
  parser.on('text', (t) => {
    if (inT) text += t;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 't') inT = false;
    else if (name === 'rPh') inPhonetic = false;
    else if (name === 'si') table.add(unescapeOoxml(text));
  });
  // Chunks are decoded as a stream: a character split between two chunks stays whole.
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of stream) parser.write(decoder.decode(chunk as Buffer, { stream: true }));
  parser.write(decoder.decode()).close();
  return table;
}
