/** Keeps cards under the size budget by shrinking what a builder lets shrink (text length, list length). */
import { AppError } from '../domain/errors';
import { CARD_BUDGET_BYTES, type CardJson, cardSize } from './render';

/**
 * Builds with the largest `n` in [0, max] whose card fits the budget (binary search, ~log2(max) builds;
 * one build when the full card fits). Throws AppError('too-large') when even `build(0)` does not fit.
 */
export function fitLargest(max: number, build: (n: number) => CardJson, budget = CARD_BUDGET_BYTES): CardJson {
  const full = build(max);
  if (cardSize(full) <= budget) return full;
  let lo = 0;
  let hi = max - 1;
  let best: CardJson | null = null;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const card = build(mid);
    if (cardSize(card) <= budget) {
      best = card;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (!best) throw new AppError('too-large', `Card does not fit the ${budget}-byte budget even at its smallest`);
  return best;
}
