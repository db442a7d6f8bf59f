/**
 * Plain text and Markdown files: find the encoding (BOM, UTF-8, UTF-16, Windows-1252) and refuse
 * binary data with a one-line reason.
 */
import { DocumentError } from '../parse';

/** Windows-1252 differs from Latin-1 in 0x80-0x9F (Node's decoder treats it as Latin-1). */
const CP1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

/** Share of control characters (or undecodable bytes) above which a text is treated as binary. */
const MAX_JUNK_RATIO = 0.01;

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b))).join('');
  }
  return out;
}

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  const even = bytes.length - (bytes.length % 2);
  const copy = Buffer.from(bytes.subarray(0, even));
  if (bigEndian) copy.swap16();
  return copy.toString('utf16le');
}

/** UTF-16 without a BOM: ASCII-heavy text has a NUL in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.7 && evenNul < pairs * 0.05) return 'le';
  if (evenNul > pairs * 0.7 && oddNul < pairs * 0.05) return 'be';
  return null;
}

function junkRatio(text: string): number {
  if (text.length === 0) return 0;
  let junk = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) junk++;
  }
  return junk / text.length;
}

function notText(): DocumentError {
  return new DocumentError('parse-failed', 'The file is not a text document (it looks like binary data)');
}

/** Decodes a .txt/.md file; throws DocumentError('parse-failed') for binary data. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = decodeUtf16(bytes.subarray(2), false);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = decodeUtf16(bytes.subarray(2), true);
  } else {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) text = decodeUtf16(bytes, utf16 === 'be');
    else if (bytes.includes(0)) throw notText();
    else text = decodeUtf8OrWindows1252(bytes);
  }
  if (junkRatio(text) > MAX_JUNK_RATIO) throw notText();
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

/**
 * Valid UTF-8 wins. A few bad sequences among many good multi-byte ones (a cut-off file) stay UTF-8
 * with replacement characters; otherwise the text is Windows-1252, where "æ" alone is invalid UTF-8.
 */
function decodeUtf8OrWindows1252(bytes: Uint8Array): string {
  const loose = new TextDecoder('utf-8').decode(bytes);
  let bad = 0;
  let good = 0;
  for (let i = 0; i < loose.length; i++) {
    const c = loose.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c > 0x7f) good++;
  }
  if (bad === 0) return loose;
  // A file cut off in the middle of a letter ends in one replacement character: drop it.
  if (bad === 1 && loose.endsWith('\ufffd')) return loose.slice(0, -1);
  if (good >= bad * 4) return loose;
  return decodeWindows1252(bytes);
}
