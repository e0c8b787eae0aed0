/**
 * Migration 2: applications, assessments, scores, the rubrics scores were computed with, earlier
 * recipients (issue 3). Imported rows carry first/changed_batch_id and warnings (src/import/).
 */
export default `
  CREATE TABLE applications (
    id INTEGER PRIMARY KEY,
    nik TEXT NOT NULL REFERENCES persons(nik),
    tahun INTEGER NOT NULL,
    jenis_usaha TEXT NOT NULL
      CHECK (jenis_usaha IN ('makanan', 'minuman', 'gorengan', 'ternak_ayam', 'pengolahan_kue', 'bengkel')),
    tanggal_daftar TEXT,
    no_hp TEXT,
    keterangan TEXT,
    extra_json TEXT,
    warnings TEXT,
    first_batch_id INTEGER REFERENCES import_batches(id),
    changed_batch_id INTEGER REFERENCES import_batches(id),
    UNIQUE (nik, tahun)
  );
  CREATE INDEX applications_tahun ON applications (tahun);

  -- One per application: the interview's (or a paper/ODK form's) answers, keyed by rubric question id.
  CREATE TABLE assessments (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL UNIQUE REFERENCES applications(id),
    nik TEXT NOT NULL,
    answers_json TEXT NOT NULL,
    jenis_usaha_disepakati TEXT NOT NULL
      CHECK (jenis_usaha_disepakati IN ('makanan', 'minuman', 'gorengan', 'ternak_ayam', 'pengolahan_kue', 'bengkel')),
    assessor TEXT NOT NULL,
    tanggal TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('interview', 'import')),
    rubric_version TEXT,
    warnings TEXT,
    first_batch_id INTEGER REFERENCES import_batches(id),
    changed_batch_id INTEGER REFERENCES import_batches(id),
    created_at TEXT NOT NULL
  );

  -- breakdown_json holds the facts the score was computed from (age, desil, PKH …) and the points:
  -- with the rubric kept in rubrics, every score can be recomputed and explained later.
  CREATE TABLE scores (
    application_id INTEGER PRIMARY KEY REFERENCES applications(id),
    eligible INTEGER NOT NULL,
    reasons_json TEXT NOT NULL,
    need_score REAL NOT NULL,
    fit_score REAL NOT NULL,
    total_score REAL NOT NULL,
    breakdown_json TEXT NOT NULL,
    rubric_version TEXT NOT NULL,
    rubric_sha256 TEXT NOT NULL,
    scored_at TEXT NOT NULL
  );

  CREATE TABLE rubrics (
    sha256 TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    content TEXT NOT NULL,
    first_used_at TEXT NOT NULL
  );

  -- Recipients of earlier years from lists (uep import recipients); those of allocations made
  -- with uep are read from the final runs' results.
  CREATE TABLE recipients (
    nik TEXT NOT NULL CHECK (length(nik) = 16),
    tahun INTEGER NOT NULL,
    sumber TEXT,
    warnings TEXT,
    first_batch_id INTEGER REFERENCES import_batches(id),
    changed_batch_id INTEGER REFERENCES import_batches(id),
    PRIMARY KEY (nik, tahun)
  );
  `;
