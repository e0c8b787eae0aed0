/**
 * Text from outside uep shown on a terminal: file names, header cells, values of files that are
 * not personal data (weights, package values). Control characters (ESC, CR, BEL …) and the Unicode
 * characters that reorder or hide text (bidi overrides, zero-width) are shown as escapes, so a
 * file named `a\x1b[2Jb.csv` cannot clear the screen, recolour a message or hide part of it.
 */

/** C0 and C1 controls, DEL, soft hyphen, bidi marks and overrides, zero-width and other invisible formatting. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escape(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A file or folder name as printed in every message: unsafe characters escaped, nothing else changed. */
export function displayPath(path: string): string {
  return path.replace(UNSAFE, escape);
}

/**
 * A whole message line, as the last guard before the terminal: like displayPath, but line breaks
 * that the message itself holds are kept.
 */
export function displayLine(text: string): string {
  return text.replace(UNSAFE, (ch) => (ch === '\n' ? ch : escape(ch)));
}

/** A value quoted in a message (a header cell, a weight): escaped, and cut at `max` characters. */
export function displayValue(text: string, max = 40): string {
  const chars = [...text];
  const cut = chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
  return displayPath(cut);
}
