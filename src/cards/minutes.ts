import type { Locale, Meeting } from '../domain';
import { t } from '../i18n';
import { formatDateTime } from './format';
import { type CardJson, fitText, renderCard } from './render';

export interface MinutesInfo {
  decisions: number;
  followUps: number;
  /** Links to the exported files (https), at most 3 shown as buttons. */
  files?: readonly { name: string; url: string }[];
  /** True when the .docx and .md travel as attachments of the same message. */
  attached?: boolean;
}

/** "referat": what the minutes hold, with buttons to the exported files. */
export function minutesCard(meeting: Pick<Meeting, 'forumName' | 'date' | 'start' | 'items'>, info: MinutesInfo, locale: Locale): CardJson {
  const files = (info.files ?? []).filter((f) => /^https:\/\//.test(f.url)).slice(0, 3);
  return renderCard('minutes', {
    title: t(locale, 'card.minutes.title', { forum: meeting.forumName }),
    when: formatDateTime(locale, meeting.date, meeting.start),
    stats: t(locale, 'card.minutes.stats', { items: meeting.items.length, decisions: info.decisions, followUps: info.followUps }),
    note: info.attached ? t(locale, 'card.minutes.attached') : '',
    actions: files.map((f, i) => ({
      type: 'Action.OpenUrl',
      id: `file_${i}`,
      title: fitText(t(locale, 'card.minutes.open', { name: f.name }), 60),
      url: f.url,
    })),
  });
}
