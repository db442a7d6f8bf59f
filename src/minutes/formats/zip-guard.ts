/**
 * A guard against "zip bombs": a small .docx whose parts expand to gigabytes would exhaust the service's
 * memory inside mammoth. The zip's central directory states every entry's uncompressed size; it is
 * read here before anything is unpacked.
 */
import { DocumentError } from '../parse';

/** The main text part of real minutes is well under a few megabytes. */
export const MAX_DOCUMENT_XML_BYTES = 50_000_000;
export const MAX_UNPACKED_BYTES = 200_000_000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

function findEndRecord(zip: Buffer): number {
  const stop = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= stop; i--) if (zip.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** Throws DocumentError('too-large') when the archive unpacks to more than the limits; a damaged directory is left to the reader. */
export function checkZipSizes(zip: Buffer): void {
  const end = zip.length >= 22 ? findEndRecord(zip) : -1;
  if (end < 0) return;
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries && at + 46 <= zip.length && zip.readUInt32LE(at) === CENTRAL; n++) {
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    total += size;
    if ((name === 'word/document.xml' && size > MAX_DOCUMENT_XML_BYTES) || total > MAX_UNPACKED_BYTES) {
      throw new DocumentError('too-large', `The Word document unpacks to more than ${Math.round(Math.max(total, size) / 1_000_000)} MB, too much for minutes`);
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
}
