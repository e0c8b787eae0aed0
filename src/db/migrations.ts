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
  `,

  // 2: applications, assessments, scores, the rubrics scores were computed with, earlier
  // recipients (issue 3). Imported rows carry first/changed_batch_id and warnings (src/import/).
  `
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
  `,

  // 3: allocation runs (issue 4): one row per run, its regency quotas, an outcome for every
  // applicant of the pool, and the moves (re-apportionments, ties, replacements) that explain it.
  `
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
  `,

  // 4: monitoring (issue 5): field workers (PSM, TKSK) and the kecamatan they serve, the visit
  // plan of a final run (grant date, months, who visits whom), and the visit reports.
  `
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
  `,

  // 5: one definition per registry fact (issue 10; docs/facts.md). The views are read by scoring
  // (src/score/facts.ts), the only place the facts are computed; everything after reads the facts
  // stored with the score, and an allocation run keeps the pool row each result was ranked with.
  `
  -- Active PKH rows with the family card (KK) they count for: the row's own no_kk, else the KK
  -- DTKS gives for the member's NIK. A blank KK is no KK: blanks never make two people a family.
  CREATE VIEW pkh_active_members AS
  SELECT m.nik,
         COALESCE(NULLIF(trim(m.no_kk), ''), NULLIF(trim(p.no_kk), '')) AS no_kk,
         (COALESCE(m.disabilitas, 0) > 0 OR COALESCE(m.lansia, 0) > 0) AS rentan
  FROM pkh_members m LEFT JOIN persons p ON p.nik = m.nik
  WHERE m.aktif = 1;

  -- Every year a person received a UEP package: the lists of uep import recipients, and the
  -- selected of final allocation runs (a replaced beneficiary did not receive it).
  CREATE VIEW received_packages AS
  SELECT nik, tahun, 'recipients' AS sumber FROM recipients
  UNION ALL
  SELECT r.nik, u.tahun, 'allocation' FROM allocation_results r JOIN allocation_runs u ON u.id = r.run_id
  WHERE u.status = 'final' AND r.outcome = 'selected';

  -- The facts the ranking reads, as columns beside breakdown_json (which keeps them all, written
  -- from the same object): parsing them out of the JSON would cost the pool a second per 200k
  -- applicants. Scores stored before are filled from their breakdown.
  ALTER TABLE scores ADD COLUMN kode_kabupaten TEXT;
  ALTER TABLE scores ADD COLUMN desil INTEGER;
  ALTER TABLE scores ADD COLUMN pkh_aktif INTEGER;
  UPDATE scores SET kode_kabupaten = breakdown_json ->> '$.facts.kode_kabupaten', desil = breakdown_json ->> '$.facts.desil',
    pkh_aktif = breakdown_json ->> '$.facts.pkh_aktif'
  WHERE json_valid(breakdown_json);

  -- The pool row each result was ranked with (the rest of it is already on the row), so that
  -- exports show what the ranking used and verify can name what changed since. NULL in runs
  -- stored before this migration.
  ALTER TABLE allocation_results ADD COLUMN no_kk TEXT;
  ALTER TABLE allocation_results ADD COLUMN desil INTEGER;
  ALTER TABLE allocation_results ADD COLUMN pkh INTEGER;
  ALTER TABLE allocation_results ADD COLUMN tanggal_daftar TEXT;
  ALTER TABLE allocation_results ADD COLUMN jenis_kelamin TEXT;
  `,

  // 6: DTSEN ranks each household within the province and within the regency too (desil_provinsi,
  // desil_kabupaten_kota), kept beside the national desil; the rubric reads the national one.
  `
  ALTER TABLE persons ADD COLUMN desil_provinsi INTEGER CHECK (desil_provinsi BETWEEN 1 AND 10);
  ALTER TABLE persons ADD COLUMN desil_kabupaten_kota INTEGER CHECK (desil_kabupaten_kota BETWEEN 1 AND 10);
  `,

  // 7: registry stewardship (issue 16): likely duplicates and the decisions a person took on them,
  // findings for DTSEN update proposals (usul/sanggah), and appeals (keberatan). Free text (notes,
  // an appellant's reason) lives here with its record, never in the audit log.
  `
  -- Candidate pairs of one person under two records, nik_a < nik_b. Undecided pairs are replaced
  -- by each scan; a pair with a decision is kept (and its score refreshed when found again).
  CREATE TABLE duplicate_pairs (
    id INTEGER PRIMARY KEY,
    nik_a TEXT NOT NULL CHECK (length(nik_a) = 16),
    nik_b TEXT NOT NULL CHECK (length(nik_b) = 16),
    score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    -- Reason codes joined by ',' (src/review/reasons.ts).
    reasons TEXT NOT NULL,
    found_at TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    CHECK (nik_a < nik_b),
    UNIQUE (nik_a, nik_b)
  );
  CREATE INDEX duplicate_pairs_b ON duplicate_pairs (nik_b);

  -- Every decision is kept; the latest of a pair is the one in force. same_person names the record
  -- that stands (keep_nik); the other one is a duplicate.
  CREATE TABLE duplicate_decisions (
    id INTEGER PRIMARY KEY,
    pair_id INTEGER NOT NULL REFERENCES duplicate_pairs(id),
    decision TEXT NOT NULL CHECK (decision IN ('same_person', 'different', 'unsure')),
    keep_nik TEXT,
    operator TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    note TEXT,
    CHECK ((decision = 'same_person') = (keep_nik IS NOT NULL))
  );
  CREATE INDEX duplicate_decisions_pair ON duplicate_decisions (pair_id, id);

  -- The records judged to be another person's duplicate (docs/facts.md, fact duplicate_of), and
  -- both directions of every same-person link (for earlier_recipient).
  CREATE VIEW duplicate_persons AS
  SELECT CASE WHEN d.keep_nik = p.nik_a THEN p.nik_b ELSE p.nik_a END AS nik, d.keep_nik, p.id AS pair_id, d.id AS decision_id,
         d.operator, d.decided_at
  FROM duplicate_pairs p JOIN duplicate_decisions d ON d.pair_id = p.id
  WHERE d.decision = 'same_person' AND d.id = (SELECT max(x.id) FROM duplicate_decisions x WHERE x.pair_id = p.id);
  CREATE VIEW same_person_links AS
  SELECT nik, keep_nik AS other_nik FROM duplicate_persons
  UNION ALL
  SELECT keep_nik, nik FROM duplicate_persons;

  -- What a visit, an assessment or the office found wrong in the registry about a person (moved,
  -- died, no longer poor …), for the regency's DTSEN proposals (uep export usulan). nama and
  -- kode_kabupaten are given for a person the registry does not hold (belum_terdaftar).
  -- catatan (what was seen) is free text: never in the audit log.
  CREATE TABLE registry_findings (
    id INTEGER PRIMARY KEY,
    nik TEXT NOT NULL CHECK (length(nik) = 16),
    temuan TEXT NOT NULL CHECK (temuan IN ('pindah_domisili', 'meninggal', 'tidak_miskin', 'data_salah', 'belum_terdaftar')),
    sumber TEXT NOT NULL CHECK (sumber IN ('kunjungan', 'asesmen', 'kantor')),
    tanggal TEXT NOT NULL,
    petugas TEXT NOT NULL,
    catatan TEXT,
    nama TEXT,
    kode_kabupaten TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
  );
  CREATE INDEX registry_findings_nik ON registry_findings (nik);

  -- An applicant's objection (keberatan) and its decision: upheld (the result stands) or corrected
  -- (data fixed, the application scored again; a change to a final run is an allocate-replace move).
  CREATE TABLE appeals (
    id INTEGER PRIMARY KEY,
    application_id INTEGER NOT NULL REFERENCES applications(id),
    nik TEXT NOT NULL CHECK (length(nik) = 16),
    tahun INTEGER NOT NULL,
    reason TEXT NOT NULL,
    diterima TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'upheld', 'corrected')),
    decided_by TEXT,
    decided_at TEXT,
    decision_note TEXT,
    correction_json TEXT,
    before_json TEXT,
    after_json TEXT,
    move_id INTEGER REFERENCES allocation_moves(id)
  );
  CREATE INDEX appeals_application ON appeals (application_id);
  `,

  // 8: forms filled on phones (ODK Central, KoboToolbox): the submission's identity (meta/instanceID),
  // when the server received it (the latest submission for a person wins), and the form version
  // an assessment answered (a form older than the rubric is reported).
  `
  ALTER TABLE assessments ADD COLUMN instance_id TEXT;
  ALTER TABLE assessments ADD COLUMN submitted_at TEXT;
  ALTER TABLE assessments ADD COLUMN form_version TEXT;
  ALTER TABLE visits ADD COLUMN instance_id TEXT;
  ALTER TABLE visits ADD COLUMN submitted_at TEXT;
  CREATE INDEX visits_instance ON visits (instance_id) WHERE instance_id IS NOT NULL;
  `,

  // 9: a phone form's submission edited on the server (src/field/submission.ts): instance_id is
  // now the submission (Central's KEY, Kobo's rootUuid), version_id the version stored
  // (meta/instanceID, what instance_id held until now), deprecated_id the version it replaced.
  `
  ALTER TABLE visits ADD COLUMN version_id TEXT;
  ALTER TABLE visits ADD COLUMN deprecated_id TEXT;
  ALTER TABLE assessments ADD COLUMN version_id TEXT;
  ALTER TABLE assessments ADD COLUMN deprecated_id TEXT;
  UPDATE visits SET version_id = instance_id WHERE instance_id IS NOT NULL;
  UPDATE assessments SET version_id = instance_id WHERE instance_id IS NOT NULL;
  CREATE INDEX visits_version ON visits (version_id) WHERE version_id IS NOT NULL;
  CREATE INDEX visits_deprecated ON visits (deprecated_id) WHERE deprecated_id IS NOT NULL;
  CREATE INDEX assessments_instance ON assessments (instance_id) WHERE instance_id IS NOT NULL;
  CREATE INDEX assessments_version ON assessments (version_id) WHERE version_id IS NOT NULL;
  CREATE INDEX assessments_deprecated ON assessments (deprecated_id) WHERE deprecated_id IS NOT NULL;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
