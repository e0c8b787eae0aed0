/**
 * What the programme can find wrong in the registry about a person, as fixed codes (stored in
 * registry_findings.temuan, written in the usulan sheet; explained by `usulan:temuan.<code>`).
 * Each is either an usul (a proposal: add a missing family, correct data) or a sanggah (a
 * dispute: the person should not be in the registry as they are).
 */
export const TEMUAN = {
  pindah_domisili: 'usul',
  data_salah: 'usul',
  belum_terdaftar: 'usul',
  meninggal: 'sanggah',
  tidak_miskin: 'sanggah',
  /** Only from duplicate decisions (uep review): never recorded by hand. */
  data_ganda: 'sanggah',
} as const;

export type Temuan = keyof typeof TEMUAN;
export type JenisUsulan = (typeof TEMUAN)[Temuan];

/** The codes a person records (`uep usulan record --temuan`); data_ganda comes from `uep review`. */
export const RECORDED_TEMUAN = ['pindah_domisili', 'meninggal', 'tidak_miskin', 'data_salah', 'belum_terdaftar'] as const;
export type RecordedTemuan = (typeof RECORDED_TEMUAN)[number];

export function isRecordedTemuan(value: unknown): value is RecordedTemuan {
  return typeof value === 'string' && (RECORDED_TEMUAN as readonly string[]).includes(value);
}

/** Where a finding was seen. */
export const SUMBER = ['kunjungan', 'asesmen', 'kantor'] as const;
export type Sumber = (typeof SUMBER)[number];

export function isSumber(value: unknown): value is Sumber {
  return typeof value === 'string' && (SUMBER as readonly string[]).includes(value);
}
