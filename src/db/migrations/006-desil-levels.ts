/**
 * Migration 6: DTSEN ranks each household within the province and within the regency too (desil_provinsi,
 * desil_kabupaten_kota), kept beside the national desil; the rubric reads the national one.
 */
export default `
  ALTER TABLE persons ADD COLUMN desil_provinsi INTEGER CHECK (desil_provinsi BETWEEN 1 AND 10);
  ALTER TABLE persons ADD COLUMN desil_kabupaten_kota INTEGER CHECK (desil_kabupaten_kota BETWEEN 1 AND 10);
  `;
