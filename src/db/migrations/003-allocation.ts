/**
 * Migration 3: allocation runs (issue 4): one row per run, its regency quotas, an outcome for every
 * applicant of the pool, and the moves (re-apportionments, ties, replacements) that explain it.
 */
export default `
  CREATE TABLE allocation_runs (
    id INTEGER PRIMARY KEY,
    tahun INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
    params_json TEXT NOT NULL,
    seed TEXT NOT NULL,
    rubric_version TEXT,
    rubric_sha256 TEXT,
    inputs_sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    finalized_at TEXT
  );
  CREATE UNIQUE INDEX allocation_runs_one_final ON allocation_runs (tahun) WHERE status = 'final';

  CREATE TABLE allocation_quotas (
    run_id INTEGER NOT NULL REFERENCES allocation_runs(id),
    kode_kabupaten TEXT NOT NULL,
    initial_quota INTEGER NOT NULL,
    quota INTEGER NOT NULL,
    eligible INTEGER NOT NULL,
    selected INTEGER NOT NULL,
    waitlisted INTEGER NOT NULL,
    cutoff_score REAL,
    package_total INTEGER NOT NULL,
    PRIMARY KEY (run_id, kode_kabupaten)
  );

  CREATE TABLE allocation_results (
    run_id INTEGER NOT NULL REFERENCES allocation_runs(id),
    application_id INTEGER NOT NULL REFERENCES applications(id),
    nik TEXT NOT NULL,
    kode_kabupaten TEXT NOT NULL,
    rank INTEGER NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('selected', 'waitlist', 'not_selected', 'skipped', 'replaced')),
    reason TEXT,
    jenis_usaha TEXT NOT NULL,
    package_value INTEGER,
    total_score REAL NOT NULL,
    waitlist_pos INTEGER,
    PRIMARY KEY (run_id, application_id)
  ) WITHOUT ROWID;
  -- Beneficiaries by NIK; anyone else by NIK goes through applications (nik, tahun) → application_id.
  -- (A full NIK index would cost a third of the time of storing a 200k-applicant run.)
  CREATE INDEX allocation_results_selected_nik ON allocation_results (nik) WHERE outcome = 'selected';

  CREATE TABLE allocation_moves (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES allocation_runs(id),
    kind TEXT NOT NULL CHECK (kind IN ('reapportion', 'tie', 'replace')),
    detail_json TEXT NOT NULL,
    operator TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX allocation_moves_run ON allocation_moves (run_id, kind, id);
  `;
