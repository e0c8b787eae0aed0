/**
 * Columns the tool does not know are kept on the row as a JSON object, so nothing in the extract
 * is lost.
 */

/** The stable key of an unknown column: "NO HP" and "no_hp" are the same column. */
export function extraKey(header: string): string {
  return header.trim().toLowerCase().replace(/[\s./\\-]+/g, '_');
}

const ARRAY_INDEX = /^(?:0|[1-9][0-9]{0,8})$/;

/**
 * Encodes a row's non-empty cells of the unknown columns as a JSON object, or null when all are
 * empty. The text is built directly (no object per row): it is byte for byte what JSON.stringify
 * makes of the object, which the upsert compares with what earlier imports stored. Keys that would
 * make the two differ (one key twice, or a key JSON.stringify puts first because it looks like
 * an array index) take the object route.
 */
export function extrasEncoder(unknown: { name: string; index: number }[]): (f: string[]) => string | null {
  const columns = unknown.map((c) => ({ index: c.index, key: extraKey(c.name) }));
  const keys = columns.map((c) => c.key);
  if (new Set(keys).size !== keys.length || keys.some((k) => ARRAY_INDEX.test(k))) {
    return (f) => {
      const obj: Record<string, string> = {};
      let any = false;
      for (const c of columns) {
        const v = f[c.index];
        if (v) {
          obj[c.key] = v;
          any = true;
        }
      }
      return any ? JSON.stringify(obj) : null;
    };
  }
  const prefixes = columns.map((c) => ({ index: c.index, first: `{${JSON.stringify(c.key)}:`, next: `,${JSON.stringify(c.key)}:` }));
  return (f) => {
    let text = '';
    for (const c of prefixes) {
      const v = f[c.index];
      if (v) text += (text === '' ? c.first : c.next) + JSON.stringify(v);
    }
    return text === '' ? null : `${text}}`;
  };
}
