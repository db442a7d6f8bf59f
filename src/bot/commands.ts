/** The command table: every chat command and its handler (the words are in command-words.ts). */
import type { CommandName } from './command-words';
import { agendaImport } from './handlers/agenda-import';
import { agendaPublishCommand } from './handlers/agenda-publish';
import { agendaShow } from './handlers/agenda-show';
import { deadlinesCommand } from './handlers/deadlines';
import { followUpStatusCommand } from './handlers/follow-up-status';
import { helpCommand } from './handlers/help';
import { languageCommand } from './handlers/language';
import { meetingCloseCommand } from './handlers/meeting-close';
import { minutesCommand } from './handlers/minutes';
import { myTasks } from './handlers/my-tasks';
import { returnsCommand } from './handlers/returns';
import { setupCommand } from './handlers/setup';
import type { CommandHandler } from './types';

export const commands: Record<CommandName, CommandHandler> = {
  help: helpCommand,
  agenda: agendaShow,
  myTasks,
  deadlines: deadlinesCommand,
  minutes: minutesCommand,
  setup: setupCommand,
  publish: agendaPublishCommand,
  closeMeeting: meetingCloseCommand,
  returns: returnsCommand,
  followUpStatus: followUpStatusCommand,
  language: languageCommand,
};

/** A file or a pasted agenda (dispatch-message.ts decides). */
export const importAgenda: CommandHandler = agendaImport;
