/**
 * Sheet names as spreadsheets accept them: at most 31 characters, none of : \ / ? * [ ], not
 * starting or ending with an apostrophe, and unique in the workbook without regard to case.
 */
export class SheetNames {
  private readonly used = new Set<string>();

  take(wanted: string): string {
    const base = wanted.replace(/[:\\/?*[\]]/g, ' ').replace(/^'+|'+$/g, '').replace(/\s+/g, ' ').trim().slice(0, 31) || 'Sheet';
    let name = base;
    for (let i = 2; this.used.has(name.toLowerCase()); i++) {
      const suffix = ` (${i})`;
      name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    }
    this.used.add(name.toLowerCase());
    return name;
  }
}
