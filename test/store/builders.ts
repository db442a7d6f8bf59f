/** Records shaped like the product stores them, for the store tests. Invented data only. */
import type { AgendaItem, AuditEntry, CascadeReceipt, Decision, FollowUp, Forum, ItemResponse, Job, Meeting } from '../../src/domain';
import { DEFAULT_REMINDER_POLICY } from '../../src/domain';

export function aForum(over: Partial<Forum> = {}): Forum {
  return {
    id: 'forum-1',
    tenantId: 'tenant-1',
    name: 'Ledelsesforum Nordby',
    conversationId: '19:channel-nordby@thread.tacv2',
    members: [
      { userId: '29:chair', aadObjectId: 'aad-chair', name: 'Søren Ærø', department: null, role: 'chair' },
      { userId: '29:secretary', aadObjectId: null, name: 'Åse Øster', department: 'Stab', role: 'secretary' },
      { userId: '29:chief-a', aadObjectId: null, name: 'Bo Berg', department: 'Kultur & Fritid', role: 'member' },
    ],
    departments: ['Stab', 'Kultur & Fritid'],
    reminderPolicy: DEFAULT_REMINDER_POLICY,
    locale: 'da',
    createdAt: '2026-01-05T09:00:00.000Z',
    ...over,
  };
}

export function anItem(number: number, over: Partial<AgendaItem> = {}): AgendaItem {
  return {
    number,
    title: `Punkt om æbler, øl og ål nr. ${number}`,
    prefix: 'LF',
    caseNumber: `00.01.00-A21-${number}-26`,
    timeSlot: null,
    closed: false,
    writtenBriefing: false,
    standing: null,
    sections: [{ kind: 'case', heading: 'Sagsfremstilling', body: `Tekst for punkt ${number}.` }],
    recommendedBy: 'Direktøren',
    proposals: [{ number: 1, text: 'at sagen godkendes' }],
    decision: null,
    attachments: [],
    ...over,
  };
}

export function aMeeting(over: Partial<Meeting> = {}): Meeting {
  return {
    id: 'meeting-1',
    forumId: 'forum-1',
    kind: 'agenda',
    forumName: 'Ledelsesforum',
    date: '2026-03-10',
    start: '09:00',
    location: 'Mødelokale 2',
    status: 'draft',
    items: [anItem(1), anItem(2)],
    communications: [],
    publishAt: null,
    publication: null,
    closedAt: null,
    summaryActivityId: null,
    ...over,
  };
}

export function aDecision(over: Partial<Decision> = {}): Decision {
  return {
    meetingId: 'meeting-1',
    itemNumber: 1,
    outcome: 'approved',
    outcomeText: null,
    proposals: [],
    text: 'Godkendt.',
    recordedBy: '29:secretary',
    recordedAt: '2026-03-10T10:00:00.000Z',
    ...over,
  };
}

export function aFollowUp(over: Partial<FollowUp> = {}): FollowUp {
  return {
    id: 'fu-1',
    forumId: 'forum-1',
    meetingId: 'meeting-1',
    itemNumber: 1,
    text: 'Kultur & Fritid fremlægger en plan',
    kind: 'task',
    owner: { kind: 'department', name: 'Kultur & Fritid', userId: '29:chief-a' },
    due: { due: '2026-05-31', dueFrom: '2026-05-21', precision: 'month-part', text: 'ultimo maj' },
    evidence: '',
    confidence: 1,
    status: 'open',
    assignees: ['29:chief-a'],
    delegateUserId: null,
    postponements: [],
    updatedAt: '2026-03-10T10:00:00.000Z',
    ...over,
  };
}

export function aJob(over: Partial<Job> = {}): Job {
  return {
    id: 'job-1',
    forumId: 'forum-1',
    kind: 'reminder',
    dueAt: '2026-05-24T06:00:00.000Z',
    status: 'pending',
    payload: { followUpId: 'fu-1' },
    attempts: 0,
    leaseOwner: null,
    leaseUntil: null,
    sentActivityId: null,
    lastError: null,
    ...over,
  };
}

export function aResponse(over: Partial<ItemResponse> = {}): ItemResponse {
  return {
    meetingId: 'meeting-1',
    itemNumber: 1,
    userId: '29:chief-a',
    userName: 'Bo Berg',
    comment: 'Vi bakker op',
    read: true,
    wantsDiscussion: false,
    updatedAt: '2026-03-08T12:00:00.000Z',
    ...over,
  };
}

export function aReceipt(over: Partial<CascadeReceipt> = {}): CascadeReceipt {
  return {
    meetingId: 'meeting-1',
    userId: '29:chief-a',
    userName: 'Bo Berg',
    department: 'Kultur & Fritid',
    deliveredAt: '2026-03-10T14:00:00.000Z',
    confirmedAt: null,
    undeliverable: false,
    ...over,
  };
}

export function anAuditEntry(over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    forumId: 'forum-1',
    at: '2026-03-10T10:00:00.000Z',
    actorUserId: '29:secretary',
    action: 'decision.recorded',
    target: 'meeting:meeting-1/item:1/decision',
    before: null,
    after: { outcome: 'approved' },
    ...over,
  };
}

/** Text of about `chars` characters with Danish letters and paragraphs. */
export function longDanishText(chars: number): string {
  const para = 'Sagsfremstilling: Kommunen ønsker at styrke samarbejdet på tværs af afdelinger — "Ærø" & Ålborg/Øst #1? \\ ';
  let s = '';
  for (let i = 0; s.length < chars; i++) s += `${para}(${i})\n\n`;
  return s.slice(0, chars);
}
