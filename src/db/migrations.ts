/**
 * The schema, as an ordered list of migrations. PRAGMA user_version holds how many have run.
 * Never edit a released migration: add a new one.
 */
export const MIGRATIONS: string[] = [
  // 1: persons from DTKS, PKH membership, import batches.
  `
  CREATE TABLE import_batches (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    snapshot INTEGER NOT NULL DEFAULT 0,
    read INTEGER NOT NULL DEFAULT 0,
    inserted INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    departed INTEGER NOT NULL DEFAULT 0,
    summary_json TEXT NOT NULL DEFAULT '{}',
    started_at TEXT NOT NULL,
    finished_at TEXT
  );

  CREATE TABLE persons (
    nik TEXT PRIMARY KEY CHECK (length(nik) = 16),
    no_kk TEXT,
    nama TEXT NOT NULL,
    jenis_kelamin TEXT CHECK (jenis_kelamin IN ('L', 'P')),
    tanggal_lahir TEXT,
    alamat TEXT,
    kode_kabupaten TEXT NOT NULL,
    kecamatan TEXT,
    kode_kecamatan TEXT,
    desa TEXT,
    kode_desa TEXT,
    desil INTEGER CHECK (desil BETWEEN 1 AND 10),
    hubungan_keluarga TEXT,
    status_pkh INTEGER,
    extra_json TEXT,
    warnings TEXT,
    in_dtks INTEGER NOT NULL DEFAULT 1,
    first_batch_id INTEGER NOT NULL REFERENCES import_batches(id),
    changed_batch_id INTEGER NOT NULL REFERENCES import_batches(id),
    departed_batch_id INTEGER REFERENCES import_batches(id)
  );
  CREATE INDEX persons_kabupaten ON persons (kode_kabupaten, in_dtks);
  CREATE INDEX persons_no_kk ON persons (no_kk);

  CREATE TABLE pkh_members (
    nik TEXT PRIMARY KEY CHECK (length(nik) = 16),
    nama TEXT,
    no_kk TEXT,
    id_keluarga TEXT,
    id_peserta TEXT,
    aktif INTEGER NOT NULL,
    ibu_hamil INTEGER,
    anak_usia_dini INTEGER,
    anak_sekolah INTEGER,
    lansia INTEGER,
    disabilitas INTEGER,
    kode_kabupaten TEXT,
    extra_json TEXT,
    warnings TEXT,
    first_batch_id INTEGER NOT NULL REFERENCES import_batches(id),
    changed_batch_id INTEGER NOT NULL REFERENCES import_batches(id)
  );
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
