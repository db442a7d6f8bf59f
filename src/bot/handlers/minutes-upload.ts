/**
 * The Word file of "referat" through Teams' file consent flow (1:1 chat only):
 *  1. the FileConsentCard (`consentCard`) asks the user to let the bot put the file in their OneDrive;
 *     its context names the forum and meeting, nothing else;
 *  2. on "Tillad" Teams sends `fileConsent/invoke` (action 'accept') with an upload session URL: the
 *     minutes are made again from the meeting (so nothing waits in storage) and PUT there whole, with
 *     Content-Range; then a file info card shows the file in the chat;
 *  3. on "Afvis" the user is told the Markdown above has it all.
 */
import { z } from 'zod';
import { loadForum } from '../../app/access';
import type { MinutesFiles } from '../../app/minutes';
import { minutesFor } from '../../app/minutes';
import type { Forum, Locale, Meeting } from '../../domain';
import { AppError, findMember } from '../../domain';
import { t } from '../../i18n';
import { logError } from '../../app/errors';
import { errorCardFor } from '../errors';
import { reply, replyCard } from '../outgoing';
import type { TurnInfo } from '../types';

export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';
export const UPLOAD_TIMEOUT_MS = 60_000;

const minutesRef = z.object({ forumId: z.string().min(1).max(200), meetingId: z.string().min(1).max(200) });

const consentAnswer = z.object({
  action: z.enum(['accept', 'decline']),
  context: minutesRef,
  uploadInfo: z
    .object({
      name: z.string().min(1).max(300),
      uploadUrl: z.url({ protocol: /^https?$/ }),
      contentUrl: z.url({ protocol: /^https?$/ }),
      uniqueId: z.string().max(300).optional(),
      fileType: z.string().max(20).optional(),
    })
    .optional(),
});

/** The FileConsentCard attachment for the minutes' Word file. */
export function consentCard(locale: Locale, forum: Forum, meeting: Meeting, files: MinutesFiles) {
  const context = { forumId: forum.id, meetingId: meeting.id };
  return {
    contentType: FILE_CONSENT_CARD,
    name: files.fileName,
    content: {
      description: t(locale, 'meeting.minutes.consent', { forum: meeting.forumName }),
      sizeInBytes: files.docx.length,
      acceptContext: context,
      declineContext: context,
    },
  };
}

/** PUTs the whole file to the upload session (one request; the minutes are far below OneDrive's 60 MB per request). */
async function upload(url: string, bytes: Buffer, allowHttp: boolean): Promise<void> {
  if (new URL(url).protocol !== 'https:' && !allowHttp) throw new AppError('invalid-input', 'the upload link is not https');
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'PUT',
      headers: { 'Content-Length': String(bytes.length), 'Content-Range': `bytes 0-${bytes.length - 1}/${bytes.length}` },
      body: new Uint8Array(bytes),
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
  } catch {
    throw new AppError('delivery-failed', 'the file could not be uploaded', { status: 'network', messageKey: 'meeting.minutes.upload-failed' });
  }
  await res.body?.cancel();
  if (!res.ok)
    throw new AppError('delivery-failed', `the file could not be uploaded (${res.status})`, {
      status: res.status,
      messageKey: 'meeting.minutes.upload-failed',
    });
}

async function accept(ctx: TurnInfo, answer: z.output<typeof consentAnswer>): Promise<void> {
  const info = answer.uploadInfo;
  if (!info) throw new AppError('invalid-input', 'the consent has no upload link');
  const forum = (await loadForum(ctx.deps, answer.context.forumId)).value;
  // The card went to a roster member 1:1; whoever answers must be on that forum's roster too.
  if (!findMember(forum, ctx.actor.userId, ctx.actor.aadObjectId)) throw new AppError('forbidden', 'Not on the forum roster', { forumId: forum.id });
  const files = await minutesFor(ctx.deps, answer.context);
  await upload(info.uploadUrl, files.docx, ctx.deps.config.localMode);
  await reply(ctx, {
    attachments: [
      { contentType: FILE_INFO_CARD, contentUrl: info.contentUrl, name: info.name, content: { uniqueId: info.uniqueId, fileType: info.fileType ?? 'docx' } },
    ],
  });
  ctx.log.info({ meetingId: answer.context.meetingId, docxBytes: files.docx.length }, 'minutes uploaded');
}

/** `fileConsent/invoke`: the user's answer to the FileConsentCard. Errors are answered, never thrown. */
export async function minutesConsentAnswered(ctx: TurnInfo, value: unknown): Promise<void> {
  try {
    const parsed = consentAnswer.safeParse(value);
    if (!parsed.success) throw new AppError('invalid-input', 'the file consent answer is malformed');
    if (parsed.data.action === 'decline') {
      await reply(ctx, { text: t(ctx.locale, 'meeting.minutes.declined') });
      return;
    }
    await accept(ctx, parsed.data);
  } catch (e) {
    await replyCard(ctx, errorCardFor(ctx, e, 'file-consent')).catch((r: unknown) => logError(ctx.log, r, 'error card', { doing: 'file-consent' }));
  }
}
