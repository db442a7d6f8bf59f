import type { AgendaItem, Communication, Locale, Meeting } from '../domain';
import { t } from '../i18n';
import { itemHeading } from './common';
import { formatCommunicationLines } from './communication-lines';
import { executeAction } from './execute';
import { formatShortDate } from './format';
import { type CardJson, fitText, renderCard } from './render';

export const MAX_COMMUNICATIONS_CHARS = 10_000;

export interface CommunicationsFormOptions {
  /** The forum's departments, listed as a reminder of the names to use in [...]. */
  departments: readonly string[];
  /** Version (etag) of the meeting the form is built from, for conflict detection; null if unknown. */
  version: string | null;
}

/**
 * The form for the standing item "Hvad skal kommunikeres ud til afdelingerne efter mødet?": one message
 * per line with the syntax of communication-lines.ts, prefilled with the messages saved so far.
 */
export function communicationsFormCard(
  meeting: Pick<Meeting, 'id' | 'forumId' | 'communications'>,
  item: AgendaItem,
  o: CommunicationsFormOptions,
  locale: Locale,
): CardJson {
  const ref = { forumId: meeting.forumId, meetingId: meeting.id, itemNumber: item.number };
  return renderCard('communications-form', {
    title: t(locale, 'card.comms.title'),
    itemHeading: fitText(itemHeading(item, locale), 200),
    help: t(locale, 'card.comms.help'),
    departments: o.departments.length ? t(locale, 'card.comms.departments', { list: o.departments.join(', ') }) : '',
    linesLabel: t(locale, 'card.comms.lines'),
    maxLength: MAX_COMMUNICATIONS_CHARS,
    lines: fitText(formatCommunicationLines(meeting.communications, locale), MAX_COMMUNICATIONS_CHARS),
    actions: [
      executeAction('save', t(locale, 'card.comms.save'), 'communications.save', { ...ref, version: o.version ?? '' }, { style: 'positive' }),
      executeAction('cancel', t(locale, 'card.decision.cancel'), 'refresh', { view: 'item', ...ref }, { associatedInputs: 'none' }),
    ],
  });
}

/**
 * What "Gem beskeder" saved, shown on the card the button was on: "3 beskeder gemt, 1 holdt tilbage til
 * 9. december 2026" (held ones grouped by date), or that there are none now.
 */
export function savedMessagesNote(communications: readonly Pick<Communication, 'notBefore'>[], locale: Locale): string {
  if (communications.length === 0) return t(locale, 'card.comms.savedNone');
  const saved = t(locale, communications.length === 1 ? 'card.comms.savedOne' : 'card.comms.saved', { count: communications.length });
  const held = new Map<string, number>();
  for (const c of communications) if (c.notBefore) held.set(c.notBefore, (held.get(c.notBefore) ?? 0) + 1);
  const parts = [...held.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, count]) => t(locale, 'card.comms.savedHeld', { count, date: formatShortDate(locale, date) }));
  return [saved, ...parts].join(', ');
}
