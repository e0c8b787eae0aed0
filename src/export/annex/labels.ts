/**
 * The fixed words of the decree annex. The annex is part of an Indonesian legal document (a
 * Keputusan signed by the head of the office), so its title block, column headings and signature
 * block are Indonesian whatever language uep speaks (--lang en changes messages, not documents).
 */
export const ANNEX = {
  lampiran: 'LAMPIRAN KEPUTUSAN',
  nomor: 'NOMOR',
  tanggal: 'TANGGAL',
  tentang: 'TENTANG',
  daftar: 'DAFTAR PENERIMA',
  columns: ['No', 'Nama', 'NIK', 'Alamat', 'Kecamatan', 'Desa', 'Jenis Usaha', 'Nilai (Rp)'],
  jumlah: 'JUMLAH',
  ditetapkan: 'Ditetapkan di',
  padaTanggal: 'pada tanggal',
  nip: 'NIP.',
  /** Excel's footer codes: &P this page, &N pages. */
  footer: '&CHalaman &P dari &N',
  kabupaten: 'KABUPATEN',
  kota: 'KOTA',
} as const;
