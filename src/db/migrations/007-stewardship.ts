/**
 * Migration 7: registry stewardship (issue 16): likely duplicates and the decisions a person took on them,
 * findings for DTSEN update proposals (usul/sanggah), and appeals (keberatan). Free text (notes,
 * an appellant's reason) lives here with its record, never in the audit log.
 */
export default `
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
  `;
