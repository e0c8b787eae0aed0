/**
 * Parsing thread for a big sheet: inflates the part and runs the XML parser (the costly part of
 * reading an .xlsx), handing the reading thread each run of complete rows as one compact text —
 * one string per message is one copy between threads. The reading thread turns the text into rows
 * (sheet-compact.ts) and validates and writes them meanwhile. It acknowledges what it has taken;
 * this thread pauses while too much waits, so memory stays bounded.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CELL, FIELD, ROW, type SheetWorkerInput, type SheetWorkerMessage } from './sheet-compact.js';
import { sheetXmlParser } from './sheet-xml.js';
import { openXlsxZip } from './zip.js';

/**
 * What may wait for the reading thread, and what makes a message, in units of about a byte of the
 * reading thread's memory: a character of text, and ROW_COST for each row (a row becomes objects
 * there even when it is empty: a sheet of millions of `<row/>` must not all wait at once).
 */
const MAX_WAITING = 16 << 20;
const MESSAGE_SIZE = 256 << 10;
const ROW_COST = 256;

const port = parentPort!;
const { file, part } = workerData as SheetWorkerInput;
let waiting = 0;
let resume: (() => void) | undefined;
port.on('message', (m: { ack: number }) => {
  waiting -= m.ack;
  if (waiting <= MAX_WAITING && resume) {
    resume();
    resume = undefined;
  }
});

async function main(): Promise<void> {
  const zip = await openXlsxZip(file);
  // Pieces gathered in an array and joined once per message: far less garbage than growing one string.
  let pieces: string[] = [];
  let complete = 0; // pieces up to the end of the last complete row
  let size = 0; // of all pieces
  let completeSize = 0; // of the pieces up to `complete`
  const parser = sheetXmlParser({
    row: (r) => {
      const piece = ROW + (r ?? '');
      pieces.push(piece);
      size += ROW_COST + piece.length;
    },
    cell: (ref, type, style, raw) => {
      const piece = `${CELL}${ref ?? ''}${FIELD}${type ?? ''}${FIELD}${style ?? ''}${FIELD}${raw}`;
      pieces.push(piece);
      size += piece.length;
    },
    endRow: () => {
      complete = pieces.length;
      completeSize = size;
    },
  });
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  const send = async () => {
    const text = pieces.slice(0, complete).join('');
    pieces = pieces.slice(complete);
    complete = 0;
    const weight = completeSize;
    size -= completeSize;
    completeSize = 0;
    waiting += weight;
    port.postMessage({ type: 'rows', text, bytes, weight } satisfies SheetWorkerMessage);
    bytes = 0;
    if (waiting > MAX_WAITING) await new Promise<void>((r) => (resume = r));
  };
  try {
    for await (const chunk of await zip.stream(part)) {
      bytes += (chunk as Buffer).length;
      parser.write(decoder.decode(chunk as Buffer, { stream: true }));
      if (size >= MESSAGE_SIZE && complete > 0) await send();
    }
    parser.write(decoder.decode()).close();
    complete = pieces.length;
    completeSize = size;
    if (complete > 0 || bytes > 0) await send();
    port.postMessage({ type: 'end' } satisfies SheetWorkerMessage);
  } finally {
    zip.close();
  }
}

main().catch((err: Error) => port.postMessage({ type: 'error', message: err.message } satisfies SheetWorkerMessage));
