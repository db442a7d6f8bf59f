import { DateTime } from 'luxon';
import type { Locale, Meeting, ParseWarning } from '../domain';
import { isIsoDate, ZONE } from '../domain/time';
import { t } from '../i18n';
import { fitLargest } from './budget';
import { itemHeading, itemMeta, meetingFacts } from './common';
import { executeAction } from './execute';
import { formatInstant, formatShortDate } from './format';
import { type CardJson, fitText, renderCard } from './render';
import { warningKey } from '../minutes/warnings';

export const MAX_PREVIEW_WARNINGS = 30;

/** The import's own warning (not the parser's): the meeting date has passed; its text is the date. */
export const PAST_DATE_WARNING = 'past-date';

/** Default publishing time: two working days before the meeting at 08:00 (or the scheduled time). */
function defaultPublishAt(meeting: Meeting): { date: string; time: string } {
  if (meeting.publishAt) {
    const at = DateTime.fromISO(meeting.publishAt).setZone(ZONE);
    if (at.isValid) return { date: at.toISODate() ?? meeting.date, time: at.toFormat('HH:mm') };
  }
  let d = DateTime.fromISO(meeting.date, { zone: ZONE });
  for (let left = 2; left > 0 && d.isValid; ) {
    d = d.minus({ days: 1 });
    if (d.weekday <= 5) left--;
  }
  return { date: d.isValid ? (d.toISODate() ?? meeting.date) : meeting.date, time: '08:00' };
}

/** A document without a header leaves the date empty until the secretary gives it. */
function lacksDate(meeting: Meeting): boolean {
  return !isIsoDate(meeting.date);
}

function editable(meeting: Meeting): boolean {
  return meeting.status !== 'published' && meeting.status !== 'closed';
}

/** Forum, date, start and place as inputs, prefilled with what the document gave. */
function detailsInputs(meeting: Meeting, locale: Locale): CardJson[] {
  const required = { isRequired: true, errorMessage: t(locale, 'card.input.required') };
  return [
    { type: 'Input.Text', id: 'meetingForum', label: t(locale, 'card.preview.detailsForum'), value: meeting.forumName, maxLength: 200, ...required },
    { type: 'Input.Date', id: 'meetingDate', label: t(locale, 'card.preview.detailsDate'), value: lacksDate(meeting) ? '' : meeting.date, ...required },
    { type: 'Input.Time', id: 'meetingTime', label: t(locale, 'card.preview.detailsTime'), value: meeting.start ?? '' },
    { type: 'Input.Text', id: 'meetingPlace', label: t(locale, 'card.preview.detailsPlace'), value: meeting.location ?? '', maxLength: 200 },
  ];
}

function saveDetails(meeting: Meeting, locale: Locale): CardJson {
  return executeAction('saveDetails', t(locale, 'card.preview.saveDetails'), 'agenda.details', { forumId: meeting.forumId, meetingId: meeting.id });
}

/** Asked in the card's body when the document did not give the forum, the day, the time or the place. */
function missingDetails(meeting: Meeting, locale: Locale): CardJson[] {
  const complete = !lacksDate(meeting) && meeting.forumName.trim() !== '' && meeting.start !== null && meeting.location !== null;
  if (!editable(meeting) || complete) return [];
  return [
    { type: 'TextBlock', text: t(locale, 'card.preview.details'), weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: t(locale, 'card.preview.detailsMissing'), wrap: true, size: 'Small', spacing: 'None' },
    ...detailsInputs(meeting, locale),
    { type: 'ActionSet', actions: [saveDetails(meeting, locale)] },
  ];
}

function previewActions(meeting: Meeting, locale: Locale): CardJson[] {
  if (!editable(meeting)) return [];
  const ref = { forumId: meeting.forumId, meetingId: meeting.id };
  const discard = executeAction('discard', t(locale, 'card.preview.discard'), 'agenda.discard', ref, { style: 'destructive', associatedInputs: 'none' });
  // No date, no publishing: the details are asked for in the body first.
  if (lacksDate(meeting)) return [discard];
  const at = defaultPublishAt(meeting);
  const scheduleCard = {
    type: 'AdaptiveCard',
    body: [
      {
        type: 'Input.Date',
        id: 'publishDate',
        label: t(locale, 'card.preview.scheduleDate'),
        isRequired: true,
        errorMessage: t(locale, 'card.input.required'),
        value: at.date,
      },
      {
        type: 'Input.Time',
        id: 'publishTime',
        label: t(locale, 'card.preview.scheduleTime'),
        isRequired: true,
        errorMessage: t(locale, 'card.input.required'),
        value: at.time,
      },
    ],
    actions: [executeAction('scheduleConfirm', t(locale, 'card.preview.scheduleConfirm'), 'agenda.schedule', ref)],
  };
  return [
    executeAction('publish', t(locale, 'card.preview.publish'), 'agenda.publish', ref, { style: 'positive', associatedInputs: 'none' }),
    { type: 'Action.ShowCard', id: 'schedule', title: t(locale, 'card.preview.schedule'), card: scheduleCard },
    discard,
  ];
}

function warningText(w: ParseWarning, locale: Locale): string {
  if (w.code === PAST_DATE_WARNING) return t(locale, 'card.preview.pastDate', { date: formatShortDate(locale, w.text) });
  // The parser's own message for the code (a closed item's warning carries no text, only its code).
  const raw = fitText(w.text.replace(/\s+/g, ' ').trim(), 200);
  const key = warningKey(w.code);
  const message = t(locale, key, { text: raw });
  const text = message === key ? raw : message;
  return w.item === null ? t(locale, 'card.preview.warningHeader', { text }) : t(locale, 'card.preview.warningItem', { number: w.item, text });
}

/** The secretary's preview of a parsed agenda (1:1 chat): header, items, what was not understood, buttons. */
export function agendaPreviewCard(meeting: Meeting, warnings: readonly ParseWarning[], locale: Locale): CardJson {
  const shownWarnings = warnings.slice(0, MAX_PREVIEW_WARNINGS).map((w) => ({ text: warningText(w, locale) }));
  if (warnings.length > MAX_PREVIEW_WARNINGS) {
    shownWarnings.push({ text: t(locale, 'card.followUp.more', { count: warnings.length - MAX_PREVIEW_WARNINGS }) });
  }
  const details = missingDetails(meeting, locale);
  const facts = meetingFacts(meeting, locale);
  const base = {
    title: t(locale, 'card.preview.title'),
    forumName: meeting.forumName,
    ...facts,
    when: lacksDate(meeting) ? t(locale, 'card.meeting.noDate') : facts.when,
    hasDetails: details.length > 0,
    details,
    scheduled:
      meeting.status === 'scheduled' && meeting.publishAt ? t(locale, 'card.preview.scheduled', { when: formatInstant(locale, meeting.publishAt) }) : '',
    itemsHeading: t(locale, 'card.preview.items', { count: meeting.items.length }),
    warningsStyle: warnings.length ? 'warning' : 'good',
    warningsHeading: warnings.length ? t(locale, 'card.preview.warnings', { count: warnings.length }) : t(locale, 'card.preview.noWarnings'),
    warnings: shownWarnings,
    actions: previewActions(meeting, locale),
  };
  const items = meeting.items.map((item) => ({ heading: fitText(itemHeading(item, locale), 300), meta: itemMeta(item, locale) }));
  return fitLargest(items.length, (n) =>
    renderCard('agenda-preview', {
      ...base,
      items: items.slice(0, n),
      moreItems: n < items.length ? t(locale, 'card.preview.more', { count: items.length - n }) : '',
    }),
  );
}
