/** Small pieces of XML text handling for the worksheet scanner (sheet-xml.ts). */

/** Malformed worksheet XML; the import reports the file as unreadable with this as the reason. */
export class SheetXmlError extends Error {
  constructor(problem: string) {
    super(`worksheet XML: ${problem}`);
  }
}

/** `x:row` → `row`: some producers write every element with a namespace prefix. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6}));/g;

/** Text as XML means it: the five entities and character references, line ends as \n. */
export function decodeEntities(text: string): string {
  let out = text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
  if (out.indexOf('&') === -1) return out;
  let decoded = 0;
  out = out.replace(ENTITY, (_, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    decoded++;
    if (named) return NAMED[named]!;
    const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new SheetXmlError(`a character reference to ${code}, not a character`);
    return String.fromCodePoint(code);
  });
  if (countAmpersands(text) !== decoded) throw new SheetXmlError('an & that is not an entity (write &amp;)');
  return out;
}

function countAmpersands(text: string): number {
  let count = 0;
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) count++;
  return count;
}
