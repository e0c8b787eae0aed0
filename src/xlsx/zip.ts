/**
 * The zip container of an .xlsx, read by random access (yauzl reads the central directory at the
 * end of the file): each part is inflated when asked for, in whatever order the writer stored
 * them. LibreOffice stores sharedStrings.xml after the sheets; a streaming unzip would have to
 * park the whole sheet somewhere before the strings it points at arrive. Every part is checked as
 * it is read against the size and CRC the zip records: a damaged file is refused, not read as
 * other data, and a part cannot inflate to more than it declares.
 */
import { Transform, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { crc32 } from './crc32.js';

export interface XlsxZip {
  has(name: string): boolean;
  /** Inflated size of a part (for progress). */
  size(name: string): number;
  /** A part, inflated as it is read. */
  stream(name: string): Promise<Readable>;
  /** A small part as text (workbook.xml, styles.xml, rels); refuses parts over `limit` bytes. */
  text(name: string, limit?: number): Promise<string>;
  close(): void;
}

export class ZipPartTooLarge extends Error {}

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) reject(err ?? new Error('cannot open zip'));
      else resolve(zip);
    });
  });
}

function readEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      // Part names are case-insensitive in OPC; some writers use a leading slash.
      entries.set(entry.fileName.replace(/^\//, '').toLowerCase(), entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/** Passes a part's bytes through, refusing more bytes than declared, fewer, or a CRC that differs. */
function checkedAgainst(e: Entry, name: string): Transform {
  let bytes = 0;
  let crc = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > e.uncompressedSize) return done(new Error(`zip part ${name} holds more than the ${e.uncompressedSize} bytes it declares`));
      crc = crc32(chunk, crc);
      done(null, chunk);
    },
    flush(done) {
      if (bytes !== e.uncompressedSize) return done(new Error(`zip part ${name} is shorter than it declares (damaged file)`));
      done(crc === e.crc32 ? null : new Error(`zip part ${name} is damaged (its CRC does not match)`));
    },
  });
}

export async function openXlsxZip(file: string): Promise<XlsxZip> {
  const zip = await openZip(file);
  let entries: Map<string, Entry>;
  try {
    entries = await readEntries(zip);
  } catch (err) {
    zip.close();
    throw err;
  }
  const entry = (name: string): Entry => {
    const e = entries.get(name.toLowerCase());
    if (!e) throw new Error(`zip part ${name} is missing`);
    return e;
  };
  const stream = (name: string) => new Promise<Readable>((resolve, reject) => {
    const e = entry(name);
    // Inflated here rather than by yauzl: 64 KB output chunks instead of zlib's 16 KB are a quarter
    // of the stream callbacks for a sheet of hundreds of megabytes.
    const deflated = e.compressionMethod === 8;
    zip.openReadStream(e, deflated ? { decodeFileData: false } : {}, (err, s) => {
      if (err || !s) return reject(err ?? new Error(`cannot read ${name}`));
      const check = checkedAgainst(e, name);
      if (!deflated) {
        s.on('error', (e2) => check.destroy(e2));
        return resolve(s.pipe(check));
      }
      const inflate = createInflateRaw({ chunkSize: 1 << 16 });
      s.on('error', (e2) => inflate.destroy(e2));
      inflate.on('error', (e2) => check.destroy(e2));
      resolve(s.pipe(inflate).pipe(check));
    });
  });
  return {
    has: (name) => entries.has(name.toLowerCase()),
    size: (name) => entry(name).uncompressedSize,
    stream,
    async text(name, limit = 64 << 20) {
      if (entry(name).uncompressedSize > limit) throw new ZipPartTooLarge(name);
      const chunks: Buffer[] = [];
      for await (const chunk of await stream(name)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    close: () => {
      if (zip.isOpen) zip.close();
    },
  };
}
