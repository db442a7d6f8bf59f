/**
 * The few parts of a .docx the reader needs, taken out of the zip by its central directory (stored or
 * deflated entries only, as Word writes them). Sizes are checked first (zip-guard.ts); inflating is
 * bounded too, so a directory that lies about sizes cannot exhaust memory.
 */
import { inflateRawSync } from 'node:zlib';
import { DocumentError } from '../parse';
import { MAX_DOCUMENT_XML_BYTES } from './zip-guard';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function damaged(): DocumentError {
  return new DocumentError('parse-failed', 'The Word document could not be read (the file is damaged or not a .docx)');
}

function findEndRecord(zip: Buffer): number {
  const stop = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= stop; i--) if (zip.readUInt32LE(i) === EOCD) return i;
  return -1;
}

function inflate(zip: Buffer, at: number, method: number, compressed: number): Buffer {
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) throw damaged();
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + compressed);
  if (data.length !== compressed) throw damaged();
  if (method === 0) return data;
  if (method !== 8) throw damaged();
  try {
    return inflateRawSync(data, { maxOutputLength: MAX_DOCUMENT_XML_BYTES });
  } catch {
    throw damaged();
  }
}

/** The named entries that exist; throws DocumentError when the archive is damaged. */
export function readZipEntries(zip: Buffer, names: readonly string[]): Map<string, Buffer> {
  const end = zip.length >= 22 ? findEndRecord(zip) : -1;
  if (end < 0) throw damaged();
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw damaged();
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (names.includes(name)) out.set(name, inflate(zip, zip.readUInt32LE(at + 42), method, compressed));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}
