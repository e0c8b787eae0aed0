/**
 * Migration 4: monitoring (issue 5): field workers (PSM, TKSK) and the kecamatan they serve, the visit
 * plan of a final run (grant date, months, who visits whom), and the visit reports.
 */
export default `
  CREATE TABLE monitors (
    id TEXT PRIMARY KEY,
    nama TEXT NOT NULL,
    peran TEXT NOT NULL CHECK (peran IN ('PSM', 'TKSK')),
    no_hp TEXT,
    -- 0: absent from the latest roster; kept because plans and visits name them.
    aktif INTEGER NOT NULL DEFAULT 1,
    batch_id INTEGER REFERENCES import_batches(id)
  );

  CREATE TABLE monitor_areas (
    monitor_id TEXT NOT NULL REFERENCES monitors(id),
    kode_kabupaten TEXT NOT NULL,
    kode_kecamatan TEXT NOT NULL,
    kecamatan TEXT NOT NULL,
    PRIMARY KEY (monitor_id, kode_kecamatan)
  );
  CREATE INDEX monitor_areas_kecamatan ON monitor_areas (kode_kecamatan);

  CREATE TABLE monitor_plans (
    run_id INTEGER PRIMARY KEY REFERENCES allocation_runs(id),
    tanggal_hibah TEXT NOT NULL,
    bulan_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  -- Who visits whom; monitor_id NULL: no active field worker serves the beneficiary's kecamatan.
  CREATE TABLE visit_assignments (
    run_id INTEGER NOT NULL REFERENCES monitor_plans(run_id),
    nik TEXT NOT NULL,
    monitor_id TEXT REFERENCES monitors(id),
    PRIMARY KEY (run_id, nik)
  );
  CREATE INDEX visit_assignments_monitor ON visit_assignments (monitor_id);

  CREATE TABLE visits (
    id INTEGER PRIMARY KEY,
    nik TEXT NOT NULL CHECK (length(nik) = 16),
    tanggal_kunjungan TEXT NOT NULL,
    petugas TEXT NOT NULL,
    status_usaha TEXT NOT NULL CHECK (status_usaha IN ('berjalan', 'kesulitan', 'berhenti', 'pindah_usaha')),
    omzet_bulanan INTEGER CHECK (omzet_bulanan >= 0),
    -- Codes joined by ',' in a fixed order (see src/monitor/visit-values.ts).
    kendala TEXT,
    tindak_lanjut TEXT,
    rujukan TEXT,
    warnings TEXT,
    sumber TEXT NOT NULL CHECK (sumber IN ('import', 'record')),
    first_batch_id INTEGER REFERENCES import_batches(id),
    changed_batch_id INTEGER REFERENCES import_batches(id),
    recorded_at TEXT NOT NULL,
    UNIQUE (nik, tanggal_kunjungan)
  );
  `;
