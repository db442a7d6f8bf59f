import type { Locale, Meeting } from '../domain';
import { t } from '../i18n';
import { fitLargest } from './budget';
import { itemHeading, itemMeta, meetingFacts } from './common';
import { executeAction, refreshFor } from './execute';
import { type CardJson, fitText, renderCard } from './render';
import { type AgendaTally, NO_RESPONSES } from './tally';

export interface OverviewOptions {
  /** The secretary's/chair's view (via refresh): adds "Afslut møde". Presentation only. */
  canManage?: boolean;
}

/**
 * The agenda overview posted in the channel: forum, date, time, place, items with time slots, case
 * numbers and the tally of responses. Closed items show "Lukket punkt" and their case number only.
 * Carries a refresh (view 'overview') so each viewer gets fresh counts and managers their button.
 */
export function agendaOverviewCard(meeting: Meeting, tally: AgendaTally, locale: Locale, opts: OverviewOptions = {}): CardJson {
  const ref = { forumId: meeting.forumId, meetingId: meeting.id };
  const items = meeting.items.map((item) => {
    const c = tally.items[item.number] ?? NO_RESPONSES;
    return {
      heading: fitText(itemHeading(item, locale), 300),
      meta: itemMeta(item, locale),
      tally: item.closed
        ? ''
        : t(locale, item.writtenBriefing ? 'card.overview.tally' : 'card.overview.tallyNoRead', {
            comments: c.comments,
            discussion: c.wantsDiscussion,
            read: c.read,
            members: tally.members,
          }),
    };
  });
  const actions =
    opts.canManage && meeting.status !== 'closed'
      ? [executeAction('close', t(locale, 'card.overview.close'), 'meeting.close', ref, { associatedInputs: 'none' })]
      : [];
  const refresh = refreshFor({ view: 'overview', ...ref });
  return fitLargest(items.length, (n) => ({
    refresh,
    ...renderCard('agenda-overview', {
      title: t(locale, 'card.overview.title', { forum: meeting.forumName }),
      ...meetingFacts(meeting, locale),
      items: items.slice(0, n),
      moreItems: n < items.length ? t(locale, 'card.preview.more', { count: items.length - n }) : '',
      hint: t(locale, 'card.overview.hint'),
      actions,
    }),
  }));
}
