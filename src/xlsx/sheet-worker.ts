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

/** Characters of compact text that may wait for the reading thread. */
const MAX_WAITING = 16 << 20;
/** A message is sent once this much text has gathered. */
const MESSAGE_CHARS = 256 << 10;

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
  let chars = 0;
  const parser = sheetXmlParser({
    row: (r) => {
      pieces.push(ROW + (r ?? ''));
    },
    cell: (ref, type, style, raw) => {
      const piece = `${CELL}${ref ?? ''}${FIELD}${type ?? ''}${FIELD}${style ?? ''}${FIELD}${raw}`;
      pieces.push(piece);
      chars += piece.length;
    },
    endRow: () => {
      complete = pieces.length;
    },
  });
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  const send = async () => {
    const text = pieces.slice(0, complete).join('');
    pieces = pieces.slice(complete);
    complete = 0;
    chars = 0;
    waiting += text.length;
    port.postMessage({ type: 'rows', text, bytes } satisfies SheetWorkerMessage);
    bytes = 0;
    if (waiting > MAX_WAITING) await new Promise<void>((r) => (resume = r));
  };
  try {
    for await (const chunk of await zip.stream(part)) {
      bytes += (chunk as Buffer).length;
      parser.write(decoder.decode(chunk as Buffer, { stream: true }));
      if (chars >= MESSAGE_CHARS && complete > 0) await send();
    }
    parser.write(decoder.decode()).close();
    complete = pieces.length;
    if (complete > 0 || bytes > 0) await send();
    port.postMessage({ type: 'end' } satisfies SheetWorkerMessage);
  } finally {
    zip.close();
  }
}

main().catch((err: Error) => port.postMessage({ type: 'error', message: err.message } satisfies SheetWorkerMessage));
