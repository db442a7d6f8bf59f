/**
 * The data each template in `cards/` is expanded with, by template name: the one place both sides of a
 * card meet. `renderCard('item', data)` accepts only an ItemData (src/cards/render.ts); a template
 * field with no data here would show `${field}` to users, which renderCard also refuses at run time.
 */
import type { Outcome, ProposalOutcome } from '../domain/decision';
import type { CardAction } from './execute';
import type { CardJson } from './render';

export interface AgendaOverviewData {
  items: {
    heading: string;
    meta: string;
    tally: string;
  }[];
  moreItems: string;
  hint: string;
  actions: CardAction[];
  whenLabel: string;
  when: string;
  whereLabel: string;
  where: string;
  title: string;
}

export interface AgendaPreviewData {
  items: {
    heading: string;
    meta: string;
  }[];
  moreItems: string;
  scheduled: string;
  itemsHeading: string;
  warningsStyle: string;
  warningsHeading: string;
  warnings: {
    text: string;
  }[];
  actions: CardJson[];
  whenLabel: string;
  when: string;
  whereLabel: string;
  where: string;
  title: string;
  forumName: string;
}

export interface CascadeData {
  title: string;
  when: string;
  intro: string;
  messagesHeading: string;
  messages: {
    text: string;
    meta: string;
  }[];
  noMessages: string;
  hasFollowUps: boolean;
  followUpsHeading: string;
  followUps: {
    text: string;
    meta: string;
  }[];
  moreNote: string;
  confirmedText: string;
  actions: CardAction[];
}

export interface ClosedItemData {
  heading: string;
  caseNumber: string;
  note: string;
}

export interface CommunicationsFormData {
  title: string;
  itemHeading: string;
  help: string;
  departments: string;
  linesLabel: string;
  maxLength: number;
  lines: string;
  actions: CardAction[];
}

export interface DecisionFormData {
  requiredMessage: string;
  title: string;
  itemHeading: string;
  outcomeLabel: string;
  outcome: Outcome;
  outcomeChoices: {
    title: string;
    value: Outcome;
  }[];
  outcomeTextLabel: string;
  outcomeText: string;
  proposals: {
    id: string;
    label: string;
    value: ProposalOutcome;
  }[];
  proposalChoices: {
    title: string;
    value: ProposalOutcome;
  }[];
  textLabel: string;
  decisionMaxLength: number;
  decisionText: string;
  followUpsHeading: string;
  hasSuggested: boolean;
  suggestedHint: string;
  rows: {
    heading: string;
    keepId: string;
    textId: string;
    text: string;
    ownerId: string;
    owner: string;
    dueId: string;
    due: string;
    /** The responsible member's input, for an owner outside the roster ('' when none is asked for). */
    respId: string;
    respLabel: string;
    resp: string;
    note: string;
  }[];
  keepLabel: string;
  fuTextLabel: string;
  followUpMaxLength: number;
  ownerLabel: string;
  noOwner: string;
  ownerChoices: {
    title: string;
    value: string;
  }[];
  memberChoices: {
    title: string;
    value: string;
  }[];
  dueLabel: string;
  actions: CardAction[];
}

export interface DigestData {
  title: string;
  subtitle: string;
  /** False when the charts (with their own text fallbacks) carry the counts. */
  showCounts: boolean;
  counts: {
    label: string;
    value: string;
  }[];
  owners: {
    heading: string;
    rows: {
      text: string;
      meta: string;
      flag: string;
    }[];
  }[];
  empty: string;
  moreNote: string;
}

export interface FollowUpStatusData {
  title: string;
  subtitle: string;
  empty: string;
}

export interface ErrorData {
  title: string;
  message: string;
  hasInput: boolean;
  inputLabel: string;
  input: string;
  inputNote: string;
}

export interface FollowupListData {
  title: string;
  intro: string;
  rows: {
    text: string;
    meta: string;
    flag: string;
    hasActions: boolean;
    actions: CardAction[];
  }[];
  empty: string;
  moreNote: string;
}

export interface HelpData {
  title: string;
  intro: string;
  commands: {
    name: string;
    description: string;
    aliases: string;
  }[];
}

export interface ItemData {
  responses: string;
  hasComments: boolean;
  commentsHeading: string;
  comments: {
    text: string;
  }[];
  states: {
    text: string;
  }[];
  canRespond: boolean;
  commentLabel: string;
  commentPlaceholder: string;
  commentMaxLength: number;
  comment: string;
  commentActions: CardAction[];
  actions: CardAction[];
  truncatedNote: string;
  hasDecision: boolean;
  decisionHeading: string;
  decisionOutcome: string;
  decisionProposals: {
    text: string;
  }[];
  decisionText: string;
  heading: string;
  meta: string;
  sections: {
    heading: string;
    body: string;
    lines: {
      text: string;
    }[];
  }[];
  hasMore: boolean;
  moreId: string;
  more: {
    heading: string;
    body: string;
  }[];
  showMore: string;
}

export interface MinutesData {
  title: string;
  when: string;
  stats: string;
  note: string;
  actions: {
    type: string;
    id: string;
    title: string;
    url: string;
  }[];
}

export interface ReminderData {
  title: string;
  intro: string;
  rows: {
    source: string;
    text: string;
    meta: string;
    flag: string;
    note: string;
    state: string;
    hasActions: boolean;
    actions: CardAction[];
  }[];
  moreNote: string;
}

export interface SetupData {
  requiredMessage: string;
  title: string;
  intro: string;
  forumNameLabel: string;
  forumNamePlaceholder: string;
  forumName: string;
  secretaryLabel: string;
  secretary: string;
  chairLabel: string;
  chair: string;
  membersLabel: string;
  members: string;
  choices: {
    title: string;
    value: string;
  }[];
  departments: {
    id: string;
    label: string;
    value: string;
  }[];
  departmentPlaceholder: string;
  truncatedNote: string;
  actions: CardAction[];
}

export interface SummaryData {
  moreNote: string;
  cascadeHeading: string;
  cascadeCount: string;
  confirmed: string;
  pending: string;
  decisionsHeading: string;
  decisions: {
    heading: string;
    outcome: string;
    text: string;
  }[];
  communicationsHeading: string;
  communications: {
    text: string;
    meta: string;
  }[];
  followUpsHeading: string;
  followUps: {
    text: string;
    meta: string;
  }[];
  whenLabel: string;
  when: string;
  whereLabel: string;
  where: string;
  title: string;
}

/** Template name (file `cards/<name>.json`) → the data it is expanded with. */
export interface CardTemplates {
  'agenda-overview': AgendaOverviewData;
  'agenda-preview': AgendaPreviewData;
  cascade: CascadeData;
  checkin: ReminderData;
  'closed-item': ClosedItemData;
  'communications-form': CommunicationsFormData;
  'decision-form': DecisionFormData;
  digest: DigestData;
  error: ErrorData;
  'follow-up-status': FollowUpStatusData;
  'followup-list': FollowupListData;
  help: HelpData;
  item: ItemData;
  minutes: MinutesData;
  reminder: ReminderData;
  setup: SetupData;
  summary: SummaryData;
}

export type TemplateName = keyof CardTemplates;

const EVERY_TEMPLATE: Record<TemplateName, true> = {
  'agenda-overview': true,
  'agenda-preview': true,
  cascade: true,
  checkin: true,
  'closed-item': true,
  'communications-form': true,
  'decision-form': true,
  digest: true,
  error: true,
  'follow-up-status': true,
  'followup-list': true,
  help: true,
  item: true,
  minutes: true,
  reminder: true,
  setup: true,
  summary: true,
};

/** Every template name, for the test that each file in `cards/` has its data type here. */
export const TEMPLATE_NAMES = Object.keys(EVERY_TEMPLATE) as TemplateName[];
