/** Adaptive Cards: model in, card JSON out (templates in cards/*.json); card action verbs and their schemas. */
export * from './actions';
export { agendaOverviewCard, type OverviewOptions } from './agenda-overview';
export { agendaPreviewCard } from './agenda-preview';
export { fitLargest } from './budget';
export { cascadeCard } from './cascade';
export { communicationsFormCard, type CommunicationsFormOptions } from './communications-form';
export { type CommunicationLine, formatCommunicationLines, parseCommunicationLines } from './communication-lines';
export { decisionFormCard, type DecisionFormOptions } from './decision-form';
export { errorCard } from './error';
export { type CardAction, executeAction, refreshFor, type RefreshData } from './execute';
export { followUpListCard, type FollowUpListOptions } from './followup-list';
export type { DecisionOwner, SavedFollowUp } from './form-verbs';
export { formatDateTime, formatDue, formatInstant, formatShortDate } from './format';
export { helpCard, type HelpCommand } from './help';
export { type Audience, closedItemCard, itemCard, type ItemView } from './item-card';
export { minutesCard, type MinutesInfo } from './minutes';
export {
  assertCardBudget,
  CARD_BUDGET_BYTES,
  type CardJson,
  cardAttachment,
  cardSize,
  fitText,
  MAX_CARD_VERSION,
  renderCard,
} from './render';
export { returnItemsCard } from './return-items';
export { type RosterEntry, setupCard } from './setup';
export { summaryCard } from './summary';
export { type AgendaTally, type ItemTally, tallyResponses } from './tally';
