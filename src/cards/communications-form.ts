import type { AgendaItem, Locale, Meeting } from '../domain';
import { t } from '../i18n';
import { itemHeading } from './common';
import { formatCommunicationLines } from './communication-lines';
import { executeAction } from './execute';
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
