/**
 * What the audit log may keep of text: NIK- and KK-shaped numbers (16 digits or more) are masked
 * wherever they appear, and hex digests (sha256 of files and inputs) are left exactly as they are.
 */

/** Runs of hex characters: a digest is one of at least 32 holding a letter; anything else may hide a NIK. */
const HEX_RUN = /[0-9A-Fa-f]{16,}/g;
const LONG_DIGITS = /\d{16,}/g;

function mask(digits: string): string {
  return `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`;
}

export function maskNikLike(text: string): string {
  return text.replace(HEX_RUN, (run) => (run.length >= 32 && /[A-Fa-f]/.test(run) ? run : run.replace(LONG_DIGITS, mask)));
}
