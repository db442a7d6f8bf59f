/**
 * "referat" / "minutes": the latest meeting's minutes (recorded decisions and messages merged in) as
 * a summary card, the Markdown as text, and the Word file. Closed items appear as "Lukket" with their
 * case number only, as in the forum's own minutes, so the minutes are safe in the channel.
 *
 * Teams does not show a file a bot attaches inline. In 1:1 chat the Word file goes through Teams'
 * file consent flow: a FileConsentCard, and on "Tillad" the bytes are uploaded to the user's OneDrive
 * (minutes-upload.ts). In a channel the answer says to ask in 1:1 chat for the Word file.
 * Teams caps a message at about 100 KB: the Markdown is split at paragraph breaks when it is long.
 */
import { minutesFor } from '../../app/minutes';
import { minutesCard } from '../../cards/minutes';
import { localDate } from '../../domain';
import { t } from '../../i18n';
import { reply } from '../outgoing';
import { requireForum } from '../roles';
import type { CommandHandler } from '../types';
import { notFound, pickMeeting, whereOf } from './meeting-common';
import { consentCard } from './minutes-upload';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Characters per Markdown message (UTF-16: ~60 KB, under Teams' ~100 KB with room for markup). */
export const MARKDOWN_CHUNK_CHARS = 30_000;

/** Splits at blank lines (or, for a huge paragraph, anywhere) into pieces of at most `max` characters. */
export function splitMarkdown(markdown: string, max = MARKDOWN_CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const paragraph of markdown.split(/\n{2,}/)) {
    for (let i = 0; i < paragraph.length || i === 0; i += max) {
      const piece = paragraph.slice(i, i + max);
      if (current && current.length + 2 + piece.length > max) {
        chunks.push(current);
        current = '';
      }
      current = current ? `${current}\n\n${piece}` : piece;
    }
  }
  if (current.trim()) chunks.push(current);
  return chunks;
}

export const minutesCommand: CommandHandler = async (ctx) => {
  const forum = requireForum(ctx).value;
  const meeting = await pickMeeting(ctx, ['closed', 'published'], localDate(ctx.deps.clock.now()));
  if (!meeting) throw notFound('no meeting', 'meeting.minutes.none');
  const files = await minutesFor(ctx.deps, { forumId: forum.id, meetingId: meeting.value.id });
  const [decisions, followUps] = await Promise.all([
    ctx.deps.store.decisions.listByMeeting(meeting.value.id),
    ctx.deps.store.followUps.listByMeeting(forum.id, meeting.value.id),
  ]);
  const card = minutesCard(meeting.value, { decisions: decisions.length, followUps: followUps.length }, ctx.locale);
  await reply(ctx, { cards: [card], summary: files.fileName });
  const chunks = splitMarkdown(files.markdown);
  for (const [i, chunk] of chunks.entries()) {
    await reply(ctx, { text: i === 0 ? `${t(ctx.locale, 'meeting.minutes.markdown')}\n\n${chunk}` : chunk });
  }
  const personal = whereOf(ctx) === 'personal';
  if (personal) {
    await reply(ctx, { attachments: [consentCard(ctx.locale, forum, meeting.value, files)] });
  } else {
    await reply(ctx, { text: t(ctx.locale, 'meeting.minutes.in-channel') });
  }
  ctx.log.info({ meetingId: meeting.value.id, docxBytes: files.docx.length, markdownMessages: chunks.length, fileConsent: personal }, 'minutes sent');
};
