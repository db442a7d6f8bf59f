import type { FollowUp, Locale } from '../domain';
import { mayShowClosed, type Where } from '../domain/visibility';
import { t } from '../i18n';
import { fitLargest } from './budget';
import { followUpMeta } from './common';
import { type CardAction, executeAction } from './execute';
import { type CardJson, fitText, renderCard } from './render';

export interface FollowUpListOptions {
  /** YYYY-MM-DD in Copenhagen; follow-ups due before it are marked overdue. */
  today?: string;
  /** Buttons per row: none (default), "Udført", or "Udført" + "Udskyd" (date and reason). */
  actions?: 'none' | 'done' | 'done-postpone';
  /** Where the list is shown; outside 1:1 (also when not given) follow-ups of closed items show no text. */
  audience?: Where;
  /** Items that are closed, so their follow-ups' text never reaches a channel. */
  closedItems?: readonly { meetingId: string; itemNumber: number }[];
  /** A line under the title. */
  intro?: string;
}

function rowActions(f: FollowUp, i: number, mode: FollowUpListOptions['actions'], locale: Locale): CardAction[] {
  if (!mode || mode === 'none') return [];
  const ref = { forumId: f.forumId, followUpId: f.id };
  const done = executeAction(`done_${i}`, t(locale, 'card.followUp.done'), 'followup.done', ref, { style: 'positive', associatedInputs: 'none' });
  if (mode === 'done') return [done];
  const postpone = {
    type: 'Action.ShowCard',
    id: `postpone_${i}`,
    title: t(locale, 'card.followUp.postpone'),
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Input.Date',
          id: `newDate_${i}`,
          label: t(locale, 'card.followUp.newDate'),
          isRequired: true,
          errorMessage: t(locale, 'card.input.required'),
          value: f.due?.due ?? '',
        },
        { type: 'Input.Text', id: `reason_${i}`, label: t(locale, 'card.followUp.reason'), maxLength: 500 },
      ],
      actions: [executeAction(`postponeConfirm_${i}`, t(locale, 'card.followUp.postponeConfirm'), 'followup.postpone', { ...ref, inputSuffix: `_${i}` })],
    },
  };
  return [done, postpone];
}

/**
 * A list of follow-ups ("mine opgaver", "frister", the return-to-forum list): text, owner, due date,
 * an overdue flag, and optional buttons. Rows that do not fit the budget are counted in a closing line.
 */
export function followUpListCard(title: string, followUps: readonly FollowUp[], locale: Locale, o: FollowUpListOptions = {}): CardJson {
  const closed = new Set((o.closedItems ?? []).map((c) => `${c.meetingId}#${c.itemNumber}`));
  const rows = followUps.map((f, i) => {
    const hide = closed.has(`${f.meetingId}#${f.itemNumber}`) && !mayShowClosed(o.audience ?? 'channel');
    const actions = hide ? [] : rowActions(f, i, o.actions, locale);
    return {
      text: hide ? t(locale, 'card.followUp.closedItem') : fitText(f.text, 500),
      meta: followUpMeta(f, locale),
      flag: o.today && f.status === 'open' && f.due && f.due.due < o.today ? t(locale, 'card.followUp.overdue') : '',
      hasActions: actions.length > 0,
      actions,
    };
  });
  return fitLargest(rows.length, (n) =>
    renderCard('followup-list', {
      title,
      intro: o.intro ?? '',
      rows: rows.slice(0, n),
      empty: rows.length ? '' : t(locale, 'card.followUp.none'),
      moreNote: n < rows.length ? t(locale, 'card.followUp.more', { count: rows.length - n }) : '',
    }),
  );
}
