import type { FollowUp, Locale } from '../domain';
import { t } from '../i18n';
import { followUpListCard } from './followup-list';
import { formatShortDate } from './format';
import type { CardJson } from './render';

/**
 * Follow-ups of kind return-to-forum ("sendes tilbage til behandling i Chefforum i september"),
 * proposed to the secretary for the next agenda. Other kinds passed in are ignored.
 */
export function returnItemsCard(followUps: readonly FollowUp[], locale: Locale, nextMeetingDate?: string | null): CardJson {
  const returning = followUps.filter((f) => f.kind === 'return-to-forum' && f.status === 'open');
  const intro = returning.length
    ? nextMeetingDate
      ? t(locale, 'card.return.intro', { date: formatShortDate(locale, nextMeetingDate) })
      : t(locale, 'card.return.introNext')
    : t(locale, 'card.return.none');
  return followUpListCard(t(locale, 'card.return.title'), returning, locale, { intro });
}
