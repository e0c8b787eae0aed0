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
  let out = '';
  let complete = 0; // length of `out` up to the end of the last complete row
  const parser = sheetXmlParser({
    row: (r) => {
      out += ROW + (r ?? '');
    },
    cell: (ref, type, style, raw) => {
      out += CELL + (ref ?? '') + FIELD + (type ?? '') + FIELD + (style ?? '') + FIELD + raw;
    },
    endRow: () => {
      complete = out.length;
    },
  });
  const decoder = new TextDecoder('utf-8');
  let bytes = 0;
  const send = async () => {
    const text = out.slice(0, complete);
    out = out.slice(complete);
    complete = 0;
    waiting += text.length;
    port.postMessage({ type: 'rows', text, bytes } satisfies SheetWorkerMessage);
    bytes = 0;
    if (waiting > MAX_WAITING) await new Promise<void>((r) => (resume = r));
  };
  try {
    for await (const chunk of await zip.stream(part)) {
      bytes += (chunk as Buffer).length;
      parser.write(decoder.decode(chunk as Buffer, { stream: true }));
      if (complete >= MESSAGE_CHARS) await send();
    }
    parser.write(decoder.decode()).close();
    complete = out.length;
    if (complete > 0 || bytes > 0) await send();
    port.postMessage({ type: 'end' } satisfies SheetWorkerMessage);
  } finally {
    zip.close();
  }
}

main().catch((err: Error) => port.postMessage({ type: 'error', message: err.message } satisfies SheetWorkerMessage));
