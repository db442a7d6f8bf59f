/** Zod building blocks for card action data. Inputs arrive as strings (Teams sends Input.* values as text). */
import { z } from 'zod';
import { isIsoDate } from '../domain/time';

export const MAX_ID = 200;

/** An id the card carried (forum, meeting, follow-up). */
export const id = z.string().trim().min(1).max(MAX_ID);

/** Item number; Teams may send numbers as strings. */
export const itemNumber = z.coerce.number({ error: 'expected an item number' }).int().min(1).max(9999);

/** Optional free text input: missing → '', trimmed, bounded. */
export function text(max: number) {
  return z
    .string()
    .max(max, `at most ${max} characters`)
    .optional()
    .transform((s) => (s ?? '').trim());
}

/** A required non-empty text input. */
export function requiredText(max: number) {
  return z.string().trim().min(1, 'required').max(max, `at most ${max} characters`);
}

export const isoDate = z.string().trim().refine(isIsoDate, 'expected a date YYYY-MM-DD');

/** An optional date input: '' or missing → null. */
export const optionalIsoDate = z
  .string()
  .trim()
  .optional()
  .refine((s) => !s || isIsoDate(s), 'expected a date YYYY-MM-DD or nothing')
  .transform((s) => (s ? s : null));

export const localTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:MM (00:00-23:59)');

/** Input.Toggle sends "true"/"false"; accept booleans too. */
export const toggle = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true');

/** `'true'`/`true` for an explicit target state (idempotent under retries, unlike a toggle). */
export const targetState = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true');

/** An optional time input: '' or missing → null. */
export const optionalLocalTime = z
  .string()
  .trim()
  .optional()
  .refine((s) => !s || /^([01]\d|2[0-3]):[0-5]\d$/.test(s), 'expected a time HH:MM or nothing')
  .transform((s) => (s ? s : null));
