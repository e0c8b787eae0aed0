/**
 * One regency's page of the decree annex as the office prints it: A4 landscape, fitted to the
 * page width; the title block (LAMPIRAN KEPUTUSAN … NOMOR … TANGGAL … TENTANG …); the numbered
 * table of beneficiaries with its header row repeated on every printed page; the total; and the
 * signature block. Page numbers in the footer.
 */
import { formatDate } from '../../format/date.js';
import type { Book, Worksheet } from '../../xlsx/write/book.js';
import { RUPIAH_FORMAT } from '../../xlsx/write/columns.js';
import { ANNEX } from './labels.js';
import type { Sk } from './sk.js';

export interface AnnexLine {
  nama: string;
  nik: string | null;
  alamat: string | null;
  kecamatan: string | null;
  desa: string | null;
  jenis_usaha: string;
  nilai: number | null;
}

/** Column widths, A–H, in characters. */
const WIDTHS = [5, 28, 20, 34, 18, 18, 20, 16];
const HEADER_ROW = 8;
const thin = { style: 'thin' as const };
const BOX = { top: thin, left: thin, bottom: thin, right: thin };


function put(ws: Worksheet, row: number, values: Record<string, string | number>, style: { bold?: boolean; wrap?: boolean; center?: boolean; underline?: boolean } = {}): void {
  const r = ws.getRow(row);
  for (const [col, v] of Object.entries(values)) {
    const cell = r.getCell(col);
    cell.value = v;
    if (style.bold || style.underline) cell.font = { bold: !!style.bold, underline: !!style.underline };
    cell.alignment = { wrapText: !!style.wrap, vertical: 'top', horizontal: style.center ? 'center' : 'left' };
  }
}

/** The streaming writer merges cells only in rows not yet committed: merge, then commit. */
function mergeAndCommit(ws: Worksheet, ranges: string[], rows: number[]): void {
  for (const range of ranges) ws.mergeCells(range);
  for (const row of rows) ws.getRow(row).commit();
}

export function addAnnexSheet(book: Book, name: string, wilayah: string, sk: Sk, lines: AnnexLine[]): void {
  const ws = book.writer.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: ANNEX.footer },
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
  });
  ws.columns = WIDTHS.map((width, i) => ({ width, style: i === 7 ? { numFmt: RUPIAH_FORMAT } : {} }));

  put(ws, 1, { E: `${ANNEX.lampiran} ${sk.keputusan}` }, { bold: true, wrap: true });
  put(ws, 2, { E: ANNEX.nomor, F: `: ${sk.nomor}` });
  put(ws, 3, { E: ANNEX.tanggal, F: `: ${formatDate(sk.tanggal, 'id', 'long')}` });
  put(ws, 4, { E: ANNEX.tentang, F: `: ${sk.tentang}` }, { wrap: true });
  put(ws, 6, { A: `${ANNEX.daftar} ${wilayah}` }, { bold: true, center: true });
  ws.getRow(1).height = 30;
  ws.getRow(4).height = 30;
  mergeAndCommit(ws, ['E1:H1', 'F2:H2', 'F3:H3', 'F4:H4', 'A6:H6'], [1, 2, 3, 4, 5, 6, 7]);

  const header = ws.getRow(HEADER_ROW);
  ANNEX.columns.forEach((title, i) => {
    const cell = header.getCell(i + 1);
    cell.value = title;
    cell.font = { bold: true };
    cell.border = BOX;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
  });
  header.commit();

  let row = HEADER_ROW;
  let total = 0;
  lines.forEach((l, i) => {
    const r = ws.getRow(++row);
    const values = [i + 1, l.nama, l.nik, l.alamat, l.kecamatan, l.desa, l.jenis_usaha.replace(/_/g, ' '), l.nilai];
    values.forEach((v, c) => {
      const cell = r.getCell(c + 1);
      cell.value = v === null || v === '' ? null : v;
      cell.border = BOX;
      cell.alignment = { vertical: 'top', wrapText: c === 3 };
    });
    r.commit();
    total += l.nilai ?? 0;
  });

  const sum = ws.getRow(++row);
  sum.getCell(1).value = ANNEX.jumlah;
  sum.getCell(8).value = total;
  for (let c = 1; c <= 8; c++) {
    const cell = sum.getCell(c);
    cell.font = { bold: true };
    cell.border = BOX;
  }
  sum.getCell(1).alignment = { horizontal: 'center' };
  mergeAndCommit(ws, [`A${row}:G${row}`], [row]);

  row += 2;
  const signer = sk.penandatangan;
  const block: [string, { bold?: boolean; underline?: boolean }][] = [
    [`${ANNEX.ditetapkan} ${sk.tempat}`, {}],
    [`${ANNEX.padaTanggal} ${formatDate(sk.tanggal, 'id', 'long')}`, {}],
    [`${signer.jabatan},`, { bold: true }],
    ['', {}], ['', {}], ['', {}],
    [signer.nama, { bold: true, underline: true }],
    ...(signer.pangkat ? [[signer.pangkat, {}] as [string, object]] : []),
    [`${ANNEX.nip} ${signer.nip}`, {}],
  ];
  for (const [text, style] of block) {
    row++;
    if (text === '') continue;
    put(ws, row, { F: text }, { ...style, wrap: true });
    mergeAndCommit(ws, [`F${row}:H${row}`], [row]);
  }
  ws.commit();
}
