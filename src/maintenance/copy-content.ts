import type { Db } from '../db/open.js';

interface SchemaObject {
  type: string;
  name: string;
  sql: string;
}

function objects(db: Db, schema: 'main' | 'src'): SchemaObject[] {
  return db.prepare(`SELECT type, name, sql FROM ${schema}.sqlite_schema WHERE name NOT LIKE 'sqlite_%' AND sql IS NOT NULL ORDER BY rowid`).all() as SchemaObject[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Makes `main` hold exactly what the attached `src` holds (schema, rows, sequence, user_version and
 * application_id), inside the caller's transaction: the file stays the same file, so no process
 * that has it open can go on writing to a file that is no longer the database.
 */
export function copyContent(db: Db): void {
  const old = objects(db, 'main');
  for (const type of ['trigger', 'view', 'table']) {
    for (const o of old.filter((x) => x.type === type)) db.exec(`DROP ${type.toUpperCase()} main.${quote(o.name)}`);
  }
  const wanted = objects(db, 'src');
  // Tables and their rows first, then indexes (built once over all rows), triggers and views.
  for (const t of wanted.filter((o) => o.type === 'table')) {
    db.exec(t.sql);
    const columns = (db.prepare(`SELECT name FROM pragma_table_xinfo(?, 'src') WHERE hidden = 0`).pluck().all(t.name) as string[]).map(quote).join(', ');
    db.exec(`INSERT INTO main.${quote(t.name)} (${columns}) SELECT ${columns} FROM src.${quote(t.name)}`);
  }
  for (const o of wanted.filter((x) => x.type !== 'table')) db.exec(o.sql);
  const hasSequence = (schema: string) => db.prepare(`SELECT count(*) FROM ${schema}.sqlite_schema WHERE name = 'sqlite_sequence'`).pluck().get() === 1;
  if (hasSequence('main')) db.exec('DELETE FROM main.sqlite_sequence');
  if (hasSequence('src') && hasSequence('main')) db.exec('INSERT INTO main.sqlite_sequence SELECT * FROM src.sqlite_sequence');
  for (const pragma of ['user_version', 'application_id']) {
    db.pragma(`main.${pragma} = ${Number(db.pragma(`src.${pragma}`, { simple: true }))}`);
  }
}
