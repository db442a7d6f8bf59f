/**
 * "referat" / "minutes": the latest meeting's minutes (recorded decisions and messages merged in) as
 * a .docx attachment with a summary card, and the Markdown as text. Closed items appear as "Lukket"
 * with their case number only, as in the forum's own minutes, so the minutes are safe in the channel.
 *
 * Teams caps a message at about 100 KB: the Word file travels inline (base64) when it fits, and the
 * Markdown is split into several messages at paragraph breaks when it is long.
 */
import { minutesFor } from '../../app/minutes';
import { minutesCard } from '../../cards/minutes';
import { localDate } from '../../domain';
import { t } from '../../i18n';
import { reply } from '../outgoing';
import { requireForum } from '../roles';
import type { CommandHandler } from '../types';
import { pickMeeting, notFound } from './meeting-common';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Characters per Markdown message (UTF-16: ~60 KB, under Teams' ~100 KB with room for markup). */
export const MARKDOWN_CHUNK_CHARS = 30_000;
/** Largest inline .docx (base64 characters) that still leaves room in the message. */
export const MAX_INLINE_DOCX_CHARS = 60_000;

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
  const docx = files.docx.toString('base64');
  const inline = docx.length <= MAX_INLINE_DOCX_CHARS;
  const card = minutesCard(meeting.value, { decisions: decisions.length, followUps: followUps.length, attached: inline }, ctx.locale);
  await reply(ctx, {
    cards: [card],
    summary: files.fileName,
    ...(inline ? { attachments: [{ contentType: DOCX_TYPE, contentUrl: `data:${DOCX_TYPE};base64,${docx}`, name: files.fileName }] } : {}),
  });
  const chunks = splitMarkdown(files.markdown);
  for (const [i, chunk] of chunks.entries()) {
    await reply(ctx, { text: i === 0 ? `${t(ctx.locale, 'meeting.minutes.markdown')}\n\n${chunk}` : chunk });
  }
  ctx.log.info({ meetingId: meeting.value.id, docxBytes: files.docx.length, markdownMessages: chunks.length, inline }, 'minutes sent');
};
