/**
 * Writes a zip archive with fflate (deflate). Entries get a fixed timestamp (1980-01-01, the first
 * date a zip can hold) so the same input always gives the same bytes.
 */
import { type Zippable, zipSync } from 'fflate';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const FIXED_TIME = new Date(1980, 0, 1);

export function createZip(entries: ZipEntry[]): Buffer {
  const files: Zippable = {};
  for (const entry of entries) files[entry.name] = [entry.data, { level: 9, mtime: FIXED_TIME }];
  return Buffer.from(zipSync(files));
}
