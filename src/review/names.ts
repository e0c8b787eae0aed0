/**
 * Indonesian names as registries write them, reduced to a form in which one person's two records
 * agree: "Hj. SITI AMINAH, S.Pd" and "Siti Aminah" → SITI AMINAH; "Djoko Soesanto" and "Joko
 * Susanto" → JOKO SUSANTO; "Muhammad"/"Muhamad"/"Moh." → MUHAMAD; "Noorhayati" → NURHAYATI.
 * Titles (religious, academic, honorific) and bin/binti are dropped; the old spellings (dj→j,
 * tj→c, oe→u, sj→sy, nj→ny, ch/kh→h), sy→s, th/dh/ph, q→k, doubled letters and a final y→i are
 * folded. The result is a list of tokens; comparing them is `nameSimilarity`.
 */

/** Titles written before or after a name, compared without dots or spaces (S.Pd.I → SPDI). */
const TITLES = new Set([
  'H', 'HJ', 'HAJI', 'HAJAH', 'HAJJAH', 'KH', 'USTADZ', 'USTAD', 'USTADZAH', 'DRS', 'DRA', 'DR', 'IR', 'PROF', 'IRH',
  'SPD', 'SPDI', 'SPDSD', 'SSOS', 'SE', 'SH', 'SHI', 'SKOM', 'ST', 'SAG', 'SKEP', 'SKM', 'SP', 'SSI', 'SIP', 'SHUT', 'SKED',
  'SFARM', 'SPSI', 'SSTP', 'SS', 'STP', 'SPT', 'SSIT', 'SKEB', 'SAK', 'SMN', 'SIKOM', 'SGZ', 'STR', 'STRKEB',
  'AMD', 'AMDKEP', 'AMDKEB', 'AMK', 'AMDKES', 'AMA', 'AMAPD', 'AMPD',
  'MPD', 'MSI', 'MM', 'MH', 'MAG', 'MKES', 'MT', 'MKOM', 'MSC', 'MA', 'MAP', 'MPH', 'MBA', 'MKM',
  'BSC', 'BA', 'SARJANA', 'ALM', 'ALMH', 'ALMARHUM', 'ALMARHUMAH',
]);

/** "Son/daughter of": the word goes, the father's name stays (it tells two Ahmads apart). */
const PATRONYMIC = new Set(['BIN', 'BINTI', 'BT', 'BTE', 'BINTE']);

/** Common abbreviations of a name, as a whole token. */
const ABBREVIATIONS: Record<string, string> = {
  M: 'MUHAMAD', MOH: 'MUHAMAD', MOCH: 'MUHAMAD', MOHD: 'MUHAMAD', MUH: 'MUHAMAD', MHD: 'MUHAMAD', MUHD: 'MUHAMAD',
  MOHAMAD: 'MUHAMAD', MOHAMED: 'MUHAMAD', MUHAMED: 'MUHAMAD', MUHAMMED: 'MUHAMAD', MOCHAMAD: 'MUHAMAD', MOCHAMMAD: 'MUHAMAD',
  ABD: 'ABDUL', ABDL: 'ABDUL', NUR: 'NUR', SITTI: 'SITI',
};

const FOLDS = /OE|OO|DJ|TJ|SJ|SY|NJ|CH|KH|TH|DH|PH|Q|([A-Z])\1|Y$/;

/**
 * Old (pre-1972) and regional spellings, folded in one pass: oe/oo→u, dj→j, tj→c, sj/sy→s,
 * nj→ny, ch/kh→h, th→t, dh→d, ph→f, q→k; doubled letters once; a final y→i.
 */
export function foldSpelling(token: string): string {
  if (!FOLDS.test(token)) return token;
  let out = '';
  let last = '';
  const emit = (ch: string) => {
    if (ch !== last) out += ch;
    last = ch;
  };
  for (let i = 0; i < token.length; i++) {
    const c = token[i]!;
    const d = token[i + 1];
    let two = true;
    if (c === 'O' && (d === 'E' || d === 'O')) emit('U');
    else if (c === 'D' && d === 'J') emit('J');
    else if (c === 'T' && d === 'J') emit('C');
    else if (c === 'S' && (d === 'J' || d === 'Y')) emit('S');
    else if (c === 'N' && d === 'J') {
      emit('N');
      emit('Y');
    } else if ((c === 'C' || c === 'K') && d === 'H') emit('H');
    else if ((c === 'T' || c === 'D') && d === 'H') emit(c);
    else if (c === 'P' && d === 'H') emit('F');
    else {
      two = false;
      emit(c === 'Q' ? 'K' : c);
    }
    if (two) i++;
  }
  return out.endsWith('Y') ? `${out.slice(0, -1)}I` : out;
}

const PLAIN = /^[A-Z]+$/;

/** The name as tokens: upper case, letters only, titles dropped, spellings folded. */
export function nameTokens(raw: string): string[] {
  const text = (/[^\x00-\x7f]/.test(raw) ? raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : raw).toUpperCase();
  const out: string[] = [];
  // A title is written with dots (S.Pd.I, A.Md.Kep) or as a word; a comma before trailing titles.
  for (const word of text.split(/[\s,;/()]+/)) {
    if (word === '') continue;
    // The common case: a plain word of letters.
    if (PLAIN.test(word)) {
      if (!TITLES.has(word) && !PATRONYMIC.has(word) && (word.length > 1 || word === 'M')) out.push(foldSpelling(ABBREVIATIONS[word] ?? word));
      continue;
    }
    const compact = word.replace(/[^A-Z]/g, '');
    if (compact === '' || TITLES.has(compact) || PATRONYMIC.has(compact)) continue;
    // "S.Pd" split off by a space ("S. Pd") leaves single letters; a lone letter other than M is an initial.
    if (compact.length === 1 && compact !== 'M') continue;
    // Parts with dots inside ("Moh.Rizki") are separate names.
    for (const part of word.replace(/['`’]/g, '').split(/[.\-]+/)) {
      const letters = part.replace(/[^A-Z]/g, '');
      if (letters === '' || TITLES.has(letters) || PATRONYMIC.has(letters)) continue;
      if (letters.length === 1 && letters !== 'M') continue;
      out.push(foldSpelling(ABBREVIATIONS[letters] ?? letters));
    }
  }
  return out;
}

/** Match flags reused across calls: names are short, and this runs millions of times in a scan. */
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/** Jaro–Winkler similarity of two strings, 0–1. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (la > flagsA.length || lb > flagsB.length) [flagsA, flagsB] = [new Uint8Array(la * 2), new Uint8Array(lb * 2)];
  const ma = flagsA.fill(0, 0, la);
  const mb = flagsB.fill(0, 0, lb);
  const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(lb - 1, i + range);
    const ch = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (mb[j] || ch !== b.charCodeAt(j)) continue;
      ma[i] = 1;
      mb[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[j]) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) transpositions++;
    j++;
  }
  const m = matches;
  const jaro = (m / la + m / lb + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** A name ready to be compared many times: its tokens, in order and sorted, joined by spaces. */
export interface PreparedName {
  tokens: string[];
  joined: string;
  sorted: string;
}

export function prepareName(tokens: string[]): PreparedName {
  return { tokens, joined: tokens.join(' '), sorted: [...tokens].sort().join(' ') };
}

export type NameMatch = 'equal' | 'swapped' | 'similar' | 'partial';

export interface NameSimilarity {
  /** 0–1 */
  score: number;
  match: NameMatch | null;
}

const NO_MATCH: NameSimilarity = { score: 0, match: null };

/** Two tokens could be spellings of one name only if they start alike (the folded spellings take care of the rest). */
function someTokenStartsAlike(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) {
    for (const y of b) {
      if (x.charCodeAt(0) === y.charCodeAt(0) && (x.length < 2 || y.length < 2 || x.charCodeAt(1) === y.charCodeAt(1))) return true;
    }
  }
  return false;
}

/**
 * How alike two names are, from their tokens: equal (same tokens, same order, or the same letters
 * spaced differently: NUR AINI / NURAINI), swapped (same tokens, other order), partial (every
 * token of one name is in the other: AHMAD / AHMAD SULAIMAN), else similar by Jaro–Winkler,
 * token by token and on the whole (the better of the two). `match` is null below 0.8, and for
 * names none of whose tokens start with the same two letters (most pairs of a block: cheap).
 */
export function nameSimilarity(x: PreparedName, y: PreparedName): NameSimilarity {
  const a = x.tokens;
  const b = y.tokens;
  if (a.length === 0 || b.length === 0) return NO_MATCH;
  if (x.joined === y.joined) return { score: 1, match: 'equal' };
  if (!someTokenStartsAlike(a, b)) return NO_MATCH;
  const ca = a.join('');
  const cb = b.join('');
  if (ca === cb) return { score: 1, match: 'equal' };
  if (x.sorted === y.sorted) return { score: 0.98, match: 'swapped' };
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < long.length && short.every((t) => long.includes(t))) {
    // One token alone (AHMAD) says less than two of three.
    return { score: short.length >= 2 ? 0.9 : 0.82, match: 'partial' };
  }
  const used = new Uint8Array(long.length);
  let sum = 0;
  let weight = 0;
  for (const t of short) {
    let best = 0;
    let at = -1;
    for (let j = 0; j < long.length; j++) {
      if (used[j]) continue;
      const s = jaroWinkler(t, long[j]!);
      if (s > best) [best, at] = [s, j];
    }
    if (at >= 0) used[at] = 1;
    sum += best * t.length;
    weight += t.length;
  }
  const same = short.length === long.length;
  const byToken = (sum / weight) * (same ? 1 : 0.9);
  const whole = Math.max(jaroWinkler(x.sorted.replace(/ /g, ''), y.sorted.replace(/ /g, '')), jaroWinkler(ca, cb)) * (same ? 1 : 0.95);
  const score = Math.max(byToken, whole);
  return { score, match: score >= 0.8 ? 'similar' : null };
}

/** Blocking keys of a name: its two longest tokens, each cut to 5 letters (a spelling slip after that still blocks together). */
export function nameKeys(tokens: readonly string[]): string[] {
  const keys = [...tokens].sort((p, q) => q.length - p.length || (p < q ? -1 : 1)).slice(0, 2).map((t) => t.slice(0, 5));
  return [...new Set(keys)];
}
