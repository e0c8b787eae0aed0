/**
 * Migration 5: one definition per registry fact (issue 10; docs/facts.md). The views are read by scoring
 * (src/score/facts.ts), the only place the facts are computed; everything after reads the facts
 * stored with the score, and an allocation run keeps the pool row each result was ranked with.
 */
export default `
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
  `;
