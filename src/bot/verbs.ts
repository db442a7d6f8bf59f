/**
 * The verb table: every card action verb (src/cards/actions.ts) and its handler. Data is validated
 * against the verb's schema, and the verb's access rule checked, before the handler runs
 * (dispatch-verb.ts).
 */
import { agendaDetailsVerb } from './handlers/agenda-details';
import { agendaDiscardVerb } from './handlers/agenda-discard';
import { agendaPublishVerb } from './handlers/agenda-publish';
import { agendaScheduleVerb } from './handlers/agenda-schedule';
import { cascadeConfirm } from './handlers/cascade-confirm';
import { checkInAnswerVerb } from './handlers/checkin-answer';
import { communicationsSave } from './handlers/communications-save';
import { decisionSave } from './handlers/decision-save';
import { followUpDoneVerb } from './handlers/followup-done';
import { followUpPostponeVerb } from './handlers/followup-postpone';
import { followUpSnoozeVerb } from './handlers/followup-snooze';
import { itemDecide } from './handlers/item-decide';
import { itemRespond } from './handlers/item-respond';
import { meetingCloseVerb } from './handlers/meeting-close';
import { refreshVerb } from './handlers/refresh';
import { setupVerb } from './handlers/setup';
import type { VerbTable } from './types';

export const verbs: VerbTable = {
  'forum.setup': setupVerb,
  'agenda.publish': agendaPublishVerb,
  'agenda.schedule': agendaScheduleVerb,
  'agenda.discard': agendaDiscardVerb,
  'agenda.details': agendaDetailsVerb,
  'item.comment': itemRespond,
  'item.read': itemRespond,
  'item.discuss': itemRespond,
  'item.decide': itemDecide,
  'decision.save': decisionSave,
  'communications.save': communicationsSave,
  'meeting.close': meetingCloseVerb,
  'cascade.confirm': cascadeConfirm,
  'followup.done': followUpDoneVerb,
  'followup.postpone': followUpPostponeVerb,
  'followup.snooze': followUpSnoozeVerb,
  'checkin.answer': checkInAnswerVerb,
  refresh: refreshVerb,
};
