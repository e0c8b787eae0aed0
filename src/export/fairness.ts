/**
 * Who got the packages against who could have: shares of women, of PKH families and of each desil
 * among the selected, next to the same shares in the eligible pool (every applicant the run ranked),
 * for the province and for each regency.
 */
import type { Cell } from './csv.js';
import type { AllocationRow } from './allocation-rows.js';
import { kabupatenNama, percent } from './run.js';
import type { Table } from './bundle.js';

export interface FairnessLine {
  kode: string;
  wilayah: string;
  kelompok: string;
  pool: number;
  pool_persen: number | null;
  terpilih: number;
  terpilih_persen: number | null;
  /** Percentage points: selected share minus pool share. */
  selisih_poin: number | null;
}

const GROUPS: { kelompok: string; has: (r: AllocationRow) => boolean }[] = [
  { kelompok: 'perempuan', has: (r) => r.jenis_kelamin === 'P' },
  { kelompok: 'keluarga_pkh', has: (r) => r.pkh },
  ...Array.from({ length: 10 }, (_, i) => ({ kelompok: `desil_${i + 1}`, has: (r: AllocationRow) => r.desil === i + 1 })),
  { kelompok: 'desil_tidak_diketahui', has: (r: AllocationRow) => r.desil === null },
];

function lines(kode: string, wilayah: string, rows: AllocationRow[]): FairnessLine[] {
  const selected = rows.filter((r) => r.outcome === 'selected');
  return GROUPS.map(({ kelompok, has }) => {
    const pool = rows.filter(has).length;
    const terpilih = selected.filter(has).length;
    const pp = percent(pool, rows.length);
    const tp = percent(terpilih, selected.length);
    return {
      kode, wilayah, kelompok, pool, pool_persen: pp, terpilih, terpilih_persen: tp,
      selisih_poin: pp === null || tp === null ? null : Math.round((tp - pp) * 10) / 10,
    };
  });
}

export function fairness(rows: AllocationRow[]): FairnessLine[] {
  const out = lines('64', 'Kalimantan Timur', rows);
  const kodes = [...new Set(rows.map((r) => r.kode_kabupaten))].sort();
  for (const kode of kodes) out.push(...lines(kode, kabupatenNama(kode), rows.filter((r) => r.kode_kabupaten === kode)));
  return out;
}

export function fairnessTable(list: FairnessLine[]): Table {
  const columns = ['kode_wilayah', 'wilayah', 'kelompok', 'pool', 'pool_persen', 'terpilih', 'terpilih_persen', 'selisih_poin'];
  const rows: Cell[][] = list.map((f) => [f.kode, f.wilayah, f.kelompok, f.pool, f.pool_persen, f.terpilih, f.terpilih_persen, f.selisih_poin]);
  return { name: 'keadilan', columns, rows };
}
