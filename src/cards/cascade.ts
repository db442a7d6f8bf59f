import type { Communication, FollowUp, Locale, Meeting } from '../domain';
import { t } from '../i18n';
import { fitLargest } from './budget';
import { communicationMeta, followUpMeta } from './common';
import { executeAction, refreshFor } from './execute';
import { formatDateTime } from './format';
import { type CardJson, fitText, renderCard } from './render';

/**
 * The 1:1 card to a chief after the meeting: the messages to pass on to their department and their
 * own follow-ups, with "Videregivet til afdelingen" until they have confirmed.
 */
export function cascadeCard(
  meeting: Pick<Meeting, 'id' | 'forumId' | 'forumName' | 'date' | 'start'>,
  communications: readonly Communication[],
  myFollowUps: readonly FollowUp[],
  confirmed: boolean,
  locale: Locale,
): CardJson {
  const ref = { forumId: meeting.forumId, meetingId: meeting.id };
  const refresh = refreshFor({ view: 'cascade', ...ref });
  const build = (step: number): CardJson => {
    const scale = step / 20;
    const maxRows = Math.max(5, Math.ceil(100 * scale));
    const msgs = communications.slice(0, maxRows);
    const fus = myFollowUps.slice(0, maxRows);
    const hidden = communications.length - msgs.length + myFollowUps.length - fus.length;
    const cap = (n: number) => Math.max(60, Math.floor(n * scale));
    return {
      ...renderCard('cascade', {
        title: t(locale, 'card.cascade.title', { forum: meeting.forumName }),
        when: formatDateTime(locale, meeting.date, meeting.start),
        intro: t(locale, 'card.cascade.intro'),
        messagesHeading: t(locale, 'card.cascade.messages'),
        messages: msgs.map((c) => ({ text: fitText(c.text, cap(1000)), meta: communicationMeta(c, locale) })),
        noMessages: communications.length ? '' : t(locale, 'card.cascade.noMessages'),
        hasFollowUps: fus.length > 0,
        followUpsHeading: t(locale, 'card.cascade.myFollowUps'),
        followUps: fus.map((f) => ({ text: fitText(f.text, cap(500)), meta: followUpMeta(f, locale) })),
        moreNote: hidden > 0 ? t(locale, 'card.followUp.more', { count: hidden }) : '',
        confirmedText: confirmed ? t(locale, 'card.cascade.confirmed') : '',
        actions: confirmed
          ? []
          : [executeAction('confirm', t(locale, 'card.cascade.confirm'), 'cascade.confirm', ref, { style: 'positive', associatedInputs: 'none' })],
      }),
      refresh,
    };
  };
  return fitLargest(20, build);
}
