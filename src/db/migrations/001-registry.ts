/**
 * Migration 1: persons from DTKS, PKH membership, import batches.
 */
export default `
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

  -- nik is unique through a separate index (not PRIMARY KEY) so a bulk load can build it afterwards.
  CREATE TABLE persons (
    nik TEXT NOT NULL CHECK (length(nik) = 16),
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
  CREATE UNIQUE INDEX persons_nik ON persons (nik);
  CREATE INDEX persons_no_kk ON persons (no_kk);

  -- Append-only: who changed what, when. Never personal data (NIKs are masked before they get here).
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    operator TEXT NOT NULL,
    command TEXT NOT NULL,
    params_json TEXT NOT NULL,
    changes INTEGER NOT NULL,
    result_json TEXT NOT NULL DEFAULT '{}'
  );
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

  CREATE TABLE pkh_members (
    nik TEXT NOT NULL CHECK (length(nik) = 16),
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
  CREATE UNIQUE INDEX pkh_members_nik ON pkh_members (nik);
  `;
