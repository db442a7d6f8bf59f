import { type CascadeReceipt, type Communication, type Decision, type FollowUp, type Locale, type Meeting, meetingRecord } from '../domain';
import { t } from '../i18n';
import { fitLargest } from './budget';
import { closedItemNumbers, communicationMeta, followUpMeta, itemHeading, meetingFacts, outcomeLabel, proposalLine } from './common';
import { type CardJson, fitText, renderCard } from './render';

/** Follow-ups worth listing: confirmed ones (not those only suggested or dismissed), by item then due date. */
export function listedFollowUps(followUps: readonly FollowUp[]): FollowUp[] {
  return meetingRecord({ items: [], communications: [] }, [], followUps).followUps;
}

function cascadeLines(receipts: readonly CascadeReceipt[], locale: Locale) {
  const confirmed = receipts.filter((r) => r.confirmedAt).map((r) => r.userName);
  const pending = receipts.filter((r) => !r.confirmedAt).map((r) => r.userName);
  return {
    cascadeHeading: t(locale, 'card.summary.cascade'),
    cascadeCount: t(locale, 'card.summary.confirmedCount', { confirmed: confirmed.length, total: receipts.length }),
    confirmed: confirmed.length ? fitText(t(locale, 'card.summary.confirmed', { names: confirmed.join(', ') }), 2000) : '',
    pending: pending.length ? fitText(t(locale, 'card.summary.pending', { names: pending.join(', ') }), 2000) : '',
  };
}

/**
 * The summary posted in the channel when the meeting is closed: the decision of every open item with
 * each proposal's outcome (closed items as "Lukket punkt" only, and their follow-ups left out), the
 * messages for the departments, the follow-ups by item then due date with owner and due date as
 * written, and who has confirmed passing the messages on.
 * Long texts shrink to fit the budget, with a note that the minutes hold everything.
 */
export function summaryCard(
  meeting: Meeting,
  decisions: readonly Decision[],
  communications: readonly Communication[],
  followUps: readonly FollowUp[],
  receipts: readonly CascadeReceipt[],
  locale: Locale,
): CardJson {
  const closed = closedItemNumbers(meeting);
  const record = meetingRecord(meeting, decisions, followUps);
  const shownFollowUps = record.followUps.filter((f) => !closed.has(f.itemNumber));
  // Steps 20..40 shrink texts and the follow-up list; below 20 the item list is cut as well.
  const build = (step: number): CardJson => {
    const scale = Math.max(0, step - 20) / 20;
    const itemCount = step >= 20 ? meeting.items.length : Math.ceil((meeting.items.length * step) / 20);
    const cap = (n: number) => Math.max(60, Math.floor(n * scale));
    let cut = false;
    const shorten = (s: string, n: number) => {
      const r = fitText(s, n);
      if (r.length < s.length) cut = true;
      return r;
    };
    const items = record.items.slice(0, itemCount).map(({ item, decision: d, proposals }) => {
      if (item.closed) return { heading: itemHeading(item, locale), outcome: '', proposals: [], text: '' };
      return {
        heading: shorten(itemHeading(item, locale), 200),
        outcome: d ? outcomeLabel(d, locale) : t(locale, 'card.summary.noDecision'),
        proposals: proposals.map((p) => ({ text: shorten(proposalLine(p, locale), cap(300)) })),
        text: d ? shorten(d.text, cap(1500)) : '',
      };
    });
    const maxFollowUps = Math.max(5, Math.ceil(200 * scale));
    const fus = shownFollowUps.slice(0, maxFollowUps);
    const hidden = shownFollowUps.length - fus.length + meeting.items.length - itemCount;
    return renderCard('summary', {
      title: t(locale, 'card.summary.title', { forum: meeting.forumName }),
      ...meetingFacts(meeting, locale),
      decisionsHeading: t(locale, 'card.summary.decisions'),
      decisions: items,
      communicationsHeading: t(locale, 'card.summary.communications'),
      communications: communications.length
        ? communications.map((c) => ({ text: shorten(c.text, cap(1000)), meta: communicationMeta(c, locale) }))
        : [{ text: t(locale, 'card.summary.noCommunications'), meta: '' }],
      followUpsHeading: t(locale, 'card.summary.followUps'),
      followUps: fus.length
        ? fus.map((f) => ({
            text: shorten(`${t(locale, 'card.followUp.item', { number: f.itemNumber })}: ${f.text}`, cap(500)),
            meta: followUpMeta(f, locale),
          }))
        : [{ text: t(locale, 'card.summary.noFollowUps'), meta: '' }],
      ...cascadeLines(receipts, locale),
      moreNote: hidden > 0 ? t(locale, 'card.summary.more', { count: hidden }) : cut ? t(locale, 'card.item.truncated') : '',
    });
  };
  return fitLargest(40, build);
}
