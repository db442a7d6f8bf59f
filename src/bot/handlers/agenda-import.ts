/**
 * Agenda in: a file sent to the bot (Teams file download info) or a pasted agenda → parsed and
 * stored as a draft → the preview card with publish / schedule / discard.
 */
import { importAgenda } from '../../app/import-agenda';
import { agendaPreviewCard } from '../../cards/agenda-preview';
import { t } from '../../i18n';
import { FILE_DOWNLOAD_INFO } from '../dispatch-message';
import { replyCard } from '../outgoing';
import { requireManager } from '../roles';
import type { CommandHandler } from '../types';
import { downloadTeamsFile } from './file-download';

export const agendaImport: CommandHandler = async (ctx) => {
  const { forum } = requireManager(ctx);
  const file = ctx.attachments.find((a) => a.contentType === FILE_DOWNLOAD_INFO);
  const document = file ? await downloadTeamsFile(file, { rules: ctx.deps.config.downloads }) : { text: ctx.args };
  const { meeting, warnings } = await importAgenda(ctx.deps, { forum: forum.value, actor: ctx.actor, document });
  ctx.log.info({ meetingId: meeting.value.id, items: meeting.value.items.length, warnings: warnings.length }, 'agenda imported');
  await replyCard(ctx, agendaPreviewCard(meeting.value, warnings, ctx.locale), t(ctx.locale, 'meeting.import.preview'));
};
