/** A chief's cascade receipt read as "who passed on what" (see CascadeReceipt's message id lists). */
import type { CascadeReceipt } from '../domain';

/** Messages delivered to the chief, how many of those they confirmed, and whether that is all of them. */
export function confirmationOf(r: CascadeReceipt): { delivered: number; confirmed: number; complete: boolean } {
  if (!r.deliveredMessageIds) return { delivered: 0, confirmed: 0, complete: !!r.confirmedAt };
  const confirmedIds = new Set(r.confirmedMessageIds ?? (r.confirmedAt ? r.deliveredMessageIds : []));
  const confirmed = r.deliveredMessageIds.filter((id) => confirmedIds.has(id)).length;
  return { delivered: r.deliveredMessageIds.length, confirmed, complete: !!r.confirmedAt && confirmed === r.deliveredMessageIds.length };
}
