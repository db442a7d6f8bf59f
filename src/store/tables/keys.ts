/**
 * Partition and row keys. Azure forbids / \ # ? and control characters in keys; we also escape
 * the characters that have meaning in our composite keys or in URLs (| ~ % ' and the like), so any
 * Teams id, meeting id or name can be a key part and the mapping is reversible.
 */
import { createHash } from 'node:crypto';

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be escaped
const UNSAFE = /[\u0000-\u001f\u007f-\u009f/\\#?|~%'"+&<>*:\s]/g;

/** Longest escaped part kept as is; a key (PK or RK) may hold at most 1 KiB (512 characters). */
const MAX_PART = 200;

/**
 * Escapes one key part: each unsafe character becomes `~` + 4 hex digits. A very long part is
 * shortened and made unique by a hash (ids are kept in the JSON, keys are never decoded).
 */
export function keyPart(s: string): string {
  const escaped = s.replace(UNSAFE, (c) => `~${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped.length <= MAX_PART ? escaped : `${escaped.slice(0, MAX_PART - 34)}~~${shortHash(s, 32)}`;
}

/** Joins escaped parts with `|` (which never occurs inside an escaped part). */
export function key(...parts: (string | number)[]): string {
  return parts.map((p) => (typeof p === 'number' ? String(p) : keyPart(p))).join('|');
}

/** Zero-padded so that string order is numeric order. */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** OData filter for "RowKey starts with prefix" (a range, served by the index). */
export function rowKeyPrefix(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  const upper = prefix.slice(0, -1) + String.fromCharCode(last + 1);
  return `RowKey ge '${odata(prefix)}' and RowKey lt '${odata(upper)}'`;
}

export function odata(s: string): string {
  return s.replace(/'/g, "''");
}

/** Short stable hash (hex), for keys that must be deterministic but unique per content. */
export function shortHash(s: string, len = 16): string {
  return createHash('sha256').update(s).digest('hex').slice(0, len);
}
