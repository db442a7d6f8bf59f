/**
 * Values are stored as JSON text split across string properties `d0..dN` (`n` = count), because a
 * string property holds at most 32K UTF-16 characters. One entity carries at most MAX_CHUNKS
 * chunks (~900 KB by Azure's size rule), safely under the 1 MiB entity limit; bigger values
 * (meetings) spill over several rows, see meeting-rows.ts.
 */
import { AppError } from '../../domain/errors';
import type { Entity } from './table';

export const CHUNK_CHARS = 30_000;
export const MAX_CHUNKS = 15;
/** Azure's 1 MiB entity limit, with room for keys and system properties. */
export const MAX_ENTITY_BYTES = 1_000_000;

/** Splits text into pieces of at most `size` UTF-16 units, never between a surrogate pair. */
export function splitChunks(s: string, size = CHUNK_CHARS): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    let end = Math.min(i + size, s.length);
    const last = s.charCodeAt(end - 1);
    if (end < s.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    out.push(s.slice(i, end));
    i = end;
  }
  return out.length ? out : [''];
}

/** Properties holding the given chunks. */
export function chunkProps(chunks: string[]): Record<string, string> {
  const props: Record<string, string> = { n: String(chunks.length) };
  chunks.forEach((c, i) => {
    props[`d${i}`] = c;
  });
  return props;
}

/** Properties holding `value` as JSON; 'too-large' if it does not fit one entity. */
export function jsonProps(value: unknown, what: string): Record<string, string> {
  const chunks = splitChunks(JSON.stringify(value));
  if (chunks.length > MAX_CHUNKS) {
    throw new AppError('too-large', `${what} is too large to store (${chunks.length * CHUNK_CHARS} characters or more)`, {
      what,
    });
  }
  return chunkProps(chunks);
}

/** The chunk text of an entity written with chunkProps, in order. */
export function chunkText(entity: Record<string, string>): string {
  const n = Number(entity.n ?? '0');
  let s = '';
  for (let i = 0; i < n; i++) s += entity[`d${i}`] ?? '';
  return s;
}

/** Parses what jsonProps wrote. The caller names the type: the data is our own. */
export function readJson<T>(entity: Record<string, string>): T {
  return JSON.parse(chunkText(entity)) as T;
}

/** Azure's entity size rule: 4 + keys*2 + Σ(8 + name*2 + value), string value = chars*2 + 4. */
export function entityBytes(e: Entity): number {
  let size = 4 + e.partitionKey.length * 2 + e.rowKey.length * 2;
  for (const [name, value] of Object.entries(e)) {
    if (name === 'partitionKey' || name === 'rowKey') continue;
    size += 8 + name.length * 2 + String(value).length * 2 + 4;
  }
  return size;
}

/** Approximate bytes of an entity in a batch request body (JSON, UTF-8). */
export function payloadBytes(e: Entity): number {
  return Buffer.byteLength(JSON.stringify(e), 'utf8') + 300;
}
