/**
 * The .xlsx writer for `npm run bench`: `node dist/dev/bench-xlsx-write.js <folder> <rows>` writes
 * one sheet of <rows> export-like rows (NIK and KK text, name, address, codes, rupiah, a date)
 * through the output folder, as every workbook uep writes, and prints its size. The rows are made
 * as they are written, so the figures are the writer's: time and peak RSS are measured around it.
 */
import { writeOutputDir } from '../fsutil/outdir.js';
import { openBook } from '../xlsx/write/book.js';
import { columnsOf } from '../xlsx/write/columns.js';
import { addTableSheet } from '../xlsx/write/table-sheet.js';

const [dir, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg ?? 1_000_000);
const COLUMNS = ['no', 'nik', 'nama', 'no_kk', 'alamat', 'kecamatan', 'desa', 'jenis_usaha', 'nilai_paket', 'tanggal_rencana'];

function* generate(count = rows): Generator<(string | number)[]> {
  for (let i = 1; i <= count; i++) {
    const serial = String(i % 10_000).padStart(4, '0');
    yield [i, `647201010190${serial}`, `Penerima Nomor ${i}`, `64720101012${String(i).padStart(5, '0')}`, `Jl. Contoh No. ${i % 300}, RT ${i % 40}`,
      'Samarinda Ulu', 'Air Hitam', i % 2 ? 'makanan' : 'bengkel', 4_750_000 + (i % 3) * 250_000, `2026-${String((i % 12) + 1).padStart(2, '0')}-15`];
  }
}

const { result } = await writeOutputDir(dir!, { force: true }, async (out) => {
  const file = out.addStream('bench.xlsx');
  const book = openBook(file.stream);
  const sample = [...generate(Math.min(rows, 1000))];
  await addTableSheet(book, { name: 'data', columns: columnsOf(COLUMNS), rows: generate(), widthsFrom: sample });
  await book.finish();
  return file.finish();
});
process.stdout.write(`${JSON.stringify({ rows, bytes: result.bytes })}\n`);
