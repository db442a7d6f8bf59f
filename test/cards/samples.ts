/** Invented models for card tests (never the seed minutes' content). */
import type { AgendaItem, CascadeReceipt, Decision, FollowUp, FollowUpSuggestion, Forum, Meeting, Member } from '../../src/domain';
import { DEFAULT_REMINDER_POLICY } from '../../src/domain';

/** Appears in every part of the closed item; must never reach a channel card. */
export const SECRET = 'HEMMELIG-7Q';

export const members: Member[] = [
  { userId: '29:chair', aadObjectId: null, name: 'Søren Ærø', department: null, role: 'chair' },
  { userId: '29:secretary', aadObjectId: null, name: 'Åse Øster', department: 'Stab', role: 'secretary' },
  { userId: '29:chief-a', aadObjectId: null, name: 'Bo Berg', department: 'Kultur & Fritid', role: 'member' },
  { userId: '29:chief-b', aadObjectId: null, name: 'Else Eg', department: 'Miljø & Teknik', role: 'member' },
];

export const forum: Forum = {
  id: 'forum-1',
  tenantId: 'tenant-1',
  name: 'Ledelsesforum Nordby',
  conversationId: '19:channel@thread.tacv2',
  members,
  departments: ['Stab', 'Kultur & Fritid', 'Miljø & Teknik'],
  reminderPolicy: DEFAULT_REMINDER_POLICY,
  locale: 'da',
  createdAt: '2026-01-05T09:00:00.000Z',
};

export function anItem(number: number, over: Partial<AgendaItem> = {}): AgendaItem {
  return {
    number,
    title: `Ny cykelstrategi for Nordby ${number}`,
    prefix: 'LF',
    caseNumber: `00.01.00-A21-${number}-26`,
    timeSlot: { start: '09:00', end: '09:20' },
    closed: false,
    writtenBriefing: false,
    standing: null,
    sections: [
      { kind: 'occasion', heading: 'Anledning', body: 'Byrådet har bedt om en ny strategi.' },
      { kind: 'case', heading: 'Sagsfremstilling', body: 'Strategien bygger på tre spor.\n\nFørste spor er skoleveje.' },
      { kind: 'economy', heading: 'Økonomi', body: 'Udgifterne afholdes inden for rammen.' },
    ],
    recommendedBy: 'Direktøren',
    proposals: [
      { number: 1, text: 'at strategien godkendes' },
      { number: 2, text: 'at Miljø & Teknik er tovholder' },
    ],
    decision: null,
    attachments: ['Bilag 1: Strategi', 'Bilag 2: Kort'],
    ...over,
  };
}

export const closedItem: AgendaItem = anItem(5, {
  title: `Lukket ${SECRET}`,
  closed: true,
  caseNumber: '81.00.00-G01-1-26',
  sections: [
    { kind: 'occasion', heading: 'Anledning', body: `Personalesag ${SECRET}` },
    { kind: 'case', heading: 'Sagsfremstilling', body: `${SECRET} `.repeat(400) },
  ],
  recommendedBy: `Direktøren ${SECRET}`,
  proposals: [
    { number: 1, text: `at ${SECRET} godkendes` },
    { number: 2, text: `at ${SECRET} afvises` },
  ],
  decision: `Godkendt ${SECRET}`,
  attachments: [`Bilag ${SECRET}`],
});

export const briefingItem = anItem(3, {
  title: 'Skriftlig orientering om vintertjeneste',
  writtenBriefing: true,
  proposals: [{ number: 1, text: 'at orienteringen tages til efterretning' }],
});

export const commsItem = anItem(6, {
  title: 'Hvad skal kommunikeres ud til afdelingerne efter mødet?',
  standing: 'communication',
  sections: [],
  proposals: [],
  attachments: [],
  timeSlot: null,
});

export const meeting: Meeting = {
  id: 'meeting-1',
  forumId: 'forum-1',
  kind: 'agenda',
  forumName: 'Ledelsesforum',
  date: '2019-10-10',
  start: '09:00',
  location: 'Mødelokale 2',
  status: 'draft',
  items: [anItem(1), anItem(2), briefingItem, anItem(4), closedItem, commsItem],
  communications: [
    { id: 'c1', text: 'Ny cykelstrategi er vedtaget.', notBefore: null, notBeforeText: null, departments: [] },
    { id: 'c2', text: 'Budgettet meldes ud senere.', notBefore: '2019-10-21', notBeforeText: 'uge 43', departments: ['Stab'] },
  ],
  publishAt: null,
  publication: null,
  closedAt: null,
  summaryActivityId: null,
};

export function aDecision(itemNumber: number, over: Partial<Decision> = {}): Decision {
  return {
    meetingId: 'meeting-1',
    itemNumber,
    outcome: 'approved',
    outcomeText: null,
    proposals: [],
    text: 'Godkendt med den bemærkning, at skolevejene prioriteres.',
    recordedBy: '29:secretary',
    recordedAt: '2019-10-10T08:30:00.000Z',
    ...over,
  };
}

export function aFollowUp(id: string, over: Partial<FollowUp> = {}): FollowUp {
  return {
    id,
    forumId: 'forum-1',
    meetingId: 'meeting-1',
    itemNumber: 1,
    text: 'Plan for skoleveje fremlægges',
    kind: 'task',
    owner: { kind: 'department', name: 'Miljø & Teknik' },
    due: { due: '2019-11-20', dueFrom: '2019-11-11', precision: 'month-part', text: 'medio november' },
    evidence: '',
    confidence: 1,
    status: 'open',
    assignees: ['29:chief-b'],
    delegateUserId: null,
    postponements: [],
    updatedAt: '2019-10-10T08:30:00.000Z',
    ...over,
  };
}

export const suggestions: FollowUpSuggestion[] = [
  {
    itemNumber: 1,
    text: 'Miljø & Teknik fremlægger en plan',
    kind: 'task',
    owner: { kind: 'department', name: 'Miljø & Teknik' },
    due: { due: '2019-11-30', dueFrom: '2019-11-21', precision: 'month-part', text: 'ultimo november' },
    evidence: 'Miljø & Teknik fremlægger en plan ultimo november.',
    confidence: 0.8,
  },
  {
    itemNumber: 1,
    text: 'Sagen sendes tilbage til forummet',
    kind: 'return-to-forum',
    owner: { kind: 'role', name: 'direktøren' },
    due: null,
    evidence: 'Sagen sendes tilbage til forummet.',
    confidence: 0.6,
  },
];

export const receipts: CascadeReceipt[] = [
  {
    meetingId: 'meeting-1',
    userId: '29:chief-a',
    userName: 'Bo Berg',
    department: 'Kultur & Fritid',
    deliveredAt: '2019-10-10T12:00:00Z',
    confirmedAt: '2019-10-11T07:00:00Z',
    undeliverable: false,
  },
  {
    meetingId: 'meeting-1',
    userId: '29:chief-b',
    userName: 'Else Eg',
    department: 'Miljø & Teknik',
    deliveredAt: '2019-10-10T12:00:00Z',
    confirmedAt: null,
    undeliverable: false,
  },
];

/** A synthetic item of about 200 KB of case text. */
export function hugeItem(number = 9): AgendaItem {
  const paragraph = 'Dette er en meget lang sagsfremstilling med æøå og mange detaljer om sagen. '.repeat(20);
  const body = Array.from({ length: 140 }, () => paragraph).join('\n\n');
  return anItem(number, {
    sections: [
      { kind: 'occasion', heading: 'Anledning', body: paragraph.repeat(5) },
      { kind: 'case', heading: 'Sagsfremstilling', body },
      { kind: 'history', heading: 'Historik', body: paragraph.repeat(10) },
    ],
    proposals: Array.from({ length: 12 }, (_, i) => ({ number: i + 1, text: `at ${paragraph}` })),
    attachments: Array.from({ length: 60 }, (_, i) => `Bilag ${i + 1}: ${paragraph.slice(0, 150)}`),
  });
}
