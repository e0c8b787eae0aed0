/**
 * The small-cell rule of reports that leave the office (the HTML report): a count of fewer than
 * five people (1–4) is not shown ("<5"), so that nobody can be singled out. Zero is shown: it
 * describes nobody.
 *
 * Totals could give a hidden count back: 150 beneficiaries, 147 men, "<5" women. So every sum a
 * table shows (a total row or column and its parts) is a "line"; a line holding exactly one hidden
 * cell gets a second one hidden too, its smallest other non-zero cell (a complementary
 * suppression, shown as "×"), and this repeats until no line holds exactly one hidden cell. This is
 * the classic frequency rule with secondary suppression that statistics offices use for simple
 * tables; it does not audit every linear combination of lines (not needed for the tables here,
 * whose lines are rows and columns of one table).
 *
 * Shares follow their counts: a share is hidden when its count or the group's size is hidden, or
 * when the group has fewer than five people.
 */

export const SMALL_CELL = 5;

/** shown; small: a count 1–4 ("<5"); complement: hidden so that a small cell cannot be worked out ("×"). */
export type Visibility = 'shown' | 'small' | 'complement';

export function isSmall(count: number): boolean {
  return count > 0 && count < SMALL_CELL;
}

/**
 * Which cells of a table of counts may be shown. `rowLines`: lists of row indices [total, ...parts]
 * (the total row is the sum of the part rows, in every column); `colLines`: the same for columns.
 */
export function suppress(values: readonly (readonly number[])[], lines: { rowLines?: readonly (readonly number[])[]; colLines?: readonly (readonly number[])[] } = {}): Visibility[][] {
  const vis: Visibility[][] = values.map((row) => row.map((v) => (isSmall(v) ? 'small' : 'shown')));
  const cols = Math.max(0, ...values.map((r) => r.length));
  const all: [number, number][][] = [];
  for (const rows of lines.rowLines ?? []) for (let c = 0; c < cols; c++) all.push(rows.map((r) => [r, c]));
  for (const cs of lines.colLines ?? []) for (let r = 0; r < values.length; r++) all.push(cs.map((c) => [r, c]));
  for (let changed = true; changed;) {
    changed = false;
    for (const line of all) {
      const hidden = line.filter(([r, c]) => vis[r]![c] !== 'shown');
      if (hidden.length !== 1) continue;
      const open = line.filter(([r, c]) => vis[r]![c] === 'shown');
      // The smallest non-zero cell loses least information; a zero only when nothing else is left.
      open.sort(([r1, c1], [r2, c2]) => rank(values[r1]![c1]!) - rank(values[r2]![c2]!));
      const [r, c] = open[0]!;
      vis[r]![c] = 'complement';
      changed = true;
    }
  }
  return vis;
}

const rank = (v: number) => (v === 0 ? Number.MAX_SAFE_INTEGER : v);

/** A share (0..100) may be shown: its count and its group are shown, and the group has five or more people. */
export function shareShown(count: Visibility, group: Visibility, groupSize: number): boolean {
  return count === 'shown' && group === 'shown' && groupSize >= SMALL_CELL;
}
