import type { AgendaItem, Decision, Locale } from '../domain';
import { AppError } from '../domain/errors';
import { t } from '../i18n';
import { MAX_COMMENT_CHARS } from './actions';
import { fitLargest } from './budget';
import { itemHeading, itemMeta, outcomeLabel } from './common';
import { withCharts } from './charts';
import { type CardAction, executeAction, refreshFor } from './execute';
import { capMore, itemText, moreLength, VISIBLE_CAPS, visibleCap } from './item-text';
import { type CardJson, fitText, renderCard } from './render';
import type { ItemTally } from './tally';

/** Who the card is for: the channel post, one chief's view, or the secretary's/chair's view. */
export type Audience = 'channel' | 'member' | 'secretary';

export interface ItemView {
  forumId: string;
  meetingId: string;
  audience: Audience;
  /** Counts over all chiefs; `members` is the "m" of "read by n of m". */
  responses: ItemTally & { members: number };
  /** The viewer's own response (their comment is prefilled), or null. */
  own?: { comment: string | null; read: boolean; wantsDiscussion: boolean } | null;
  /** Comments with names; shown in the secretary's view only. */
  comments?: { userName: string; comment: string }[];
  /** The recorded decision, if any. */
  decision?: Decision | null;
  /** Shows "Registrér beslutning" (secretary/chair). */
  canDecide: boolean;
  /** Comment input and buttons for chiefs (default true; false once the meeting is closed). */
  canRespond?: boolean;
  /** Charts shown under the heading (the follow-up item's figures), each with its text fallback. */
  charts?: CardJson[];
}

/** A closed item as the channel sees it: number, "Lukket punkt", case number. Nothing else, ever. */
export function closedItemCard(item: Pick<AgendaItem, 'number' | 'caseNumber'>, locale: Locale): CardJson {
  return renderCard('closed-item', {
    heading: itemHeading({ number: item.number, title: '', closed: true }, locale),
    caseNumber: item.caseNumber ? t(locale, 'card.item.caseNumber', { caseNumber: item.caseNumber }) : '',
    note: t(locale, 'card.item.closedChannel'),
  });
}

function actionsFor(item: AgendaItem, view: ItemView, locale: Locale): { comment: CardAction[]; card: CardAction[] } {
  const ref = { forumId: view.forumId, meetingId: view.meetingId, itemNumber: item.number };
  const none = { associatedInputs: 'none' } as const;
  const card: CardAction[] = [];
  if (view.canRespond !== false) {
    if (item.writtenBriefing && !view.own?.read) card.push(executeAction('markRead', t(locale, 'card.item.read'), 'item.read', { ...ref, read: true }, none));
    const wants = !!view.own?.wantsDiscussion;
    const title = t(locale, wants ? 'card.item.withdrawDiscussion' : 'card.item.wantsDiscussion');
    card.push(executeAction('toggleDiscussion', title, 'item.discuss', { ...ref, wantsDiscussion: !wants }, none));
  }
  if (view.canDecide) card.push(executeAction('openDecision', t(locale, 'card.item.decide'), 'item.decide', ref, { ...none, style: 'positive' }));
  const comment = view.canRespond === false ? [] : [executeAction('sendComment', t(locale, 'card.item.comment'), 'item.comment', ref)];
  return { comment, card };
}

function decisionData(item: AgendaItem, decision: Decision | null | undefined, locale: Locale, shorten: (s: string) => string) {
  const text = decision?.text ?? item.decision ?? '';
  return {
    hasDecision: !!decision || !!item.decision,
    decisionHeading: t(locale, 'card.item.decision'),
    decisionOutcome: decision ? outcomeLabel(decision, locale) : '',
    decisionProposals: (decision?.proposals ?? []).map((p) => ({
      text:
        t(locale, 'card.item.proposalDecision', { number: p.proposalNumber, outcome: t(locale, `card.proposalOutcome.${p.outcome}`) }) +
        (p.note ? `: ${fitText(p.note, 200)}` : ''),
    })),
    decisionText: shorten(text),
  };
}

/**
 * One agenda item's card. A closed item in the 'channel' audience is `closedItemCard` whatever else
 * is passed. Long texts are shortened to keep the card under the budget, with a note where to read
 * the full text. Carries a refresh (view 'item') for per-user views, except a closed item in the channel.
 */
export function itemCard(item: AgendaItem, view: ItemView, locale: Locale): CardJson {
  if (item.closed && view.audience === 'channel') return closedItemCard(item, locale);
  const text = itemText(item, locale);
  const actions = actionsFor(item, view, locale);
  const refresh = refreshFor({ view: 'item', forumId: view.forumId, meetingId: view.meetingId, itemNumber: item.number });
  const full = moreLength(text.more);
  const build = (moreChars: number, scale: number): CardJson => {
    const cap = (base: number) => visibleCap(base, scale);
    let shortened = moreChars < full;
    const shorten = (s: string, n: number) => {
      const r = fitText(s, n);
      if (r.length < s.length) shortened = true;
      return r;
    };
    const more = capMore(text.more, moreChars);
    const sections = [
      { heading: t(locale, 'card.item.occasion'), body: shorten(text.occasion, cap(VISIBLE_CAPS.occasion)), lines: [] },
      {
        heading: t(locale, 'card.item.recommendation'),
        body: item.recommendedBy ? t(locale, 'card.item.recommendedBy', { who: item.recommendedBy }) : '',
        lines: item.proposals.map((p) => ({ text: shorten(`${p.number}. ${p.text}`, cap(VISIBLE_CAPS.proposal)) })),
      },
      { heading: t(locale, 'card.item.case'), body: shorten(text.caseLead, cap(Math.ceil(VISIBLE_CAPS.caseLead * 1.3))), lines: [] },
      {
        heading: t(locale, 'card.item.attachments'),
        body: '',
        lines: item.attachments.slice(0, Math.max(3, Math.floor(30 * scale))).map((a) => ({ text: `- ${fitText(a, VISIBLE_CAPS.attachment)}` })),
      },
    ].filter((s) => s.body || s.lines.length);
    const comments = view.audience === 'secretary' ? (view.comments ?? []).filter((c) => c.comment.trim()) : [];
    const shownComments = comments.slice(0, Math.max(5, Math.ceil(60 * scale)));
    const ownComment = fitText(view.own?.comment ?? '', MAX_COMMENT_CHARS);
    const states = [
      ...(item.writtenBriefing && view.own?.read ? [{ text: t(locale, 'card.item.isRead') }] : []),
      ...(view.own?.wantsDiscussion ? [{ text: t(locale, 'card.item.youWantDiscussion') }] : []),
    ];
    const decision = decisionData(item, view.decision, locale, (s) => shorten(s, cap(VISIBLE_CAPS.decision)));
    return {
      ...withCharts(
        renderCard('item', {
          heading: itemHeading(item, locale),
          meta: itemMeta(item, locale),
          sections,
          hasMore: more.length > 0,
          moreId: `more-${item.number}`,
          more,
          showMore: t(locale, 'card.item.showMore'),
          ...decision,
          // "Læst" is counted only where reading is asked for (written briefings have the button).
          responses: t(locale, item.writtenBriefing ? 'card.item.responses' : 'card.item.responsesNoRead', {
            comments: view.responses.comments,
            read: view.responses.read,
            members: view.responses.members,
            discussion: view.responses.wantsDiscussion,
          }),
          hasComments: shownComments.length > 0,
          commentsHeading: t(locale, 'card.item.comments'),
          comments: shownComments.map((c) => ({ text: `**${c.userName}**: ${fitText(c.comment.trim(), cap(VISIBLE_CAPS.comment))}` })),
          states,
          canRespond: view.canRespond !== false,
          commentLabel: t(locale, 'card.item.commentLabel'),
          commentPlaceholder: t(locale, 'card.item.commentPlaceholder'),
          commentMaxLength: MAX_COMMENT_CHARS,
          comment: ownComment,
          commentActions: actions.comment,
          actions: actions.card,
          truncatedNote: shortened ? t(locale, 'card.item.truncated') : '',
        }),
        itemMeta(item, locale) ? 2 : 1,
        view.charts ?? [],
      ),
      refresh,
    };
  };
  try {
    return fitLargest(full, (n) => build(n, 1));
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'too-large') throw e;
    return fitLargest(20, (s) => build(0, s / 20));
  }
}
