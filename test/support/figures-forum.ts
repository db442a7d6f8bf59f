/**
 * A forum's follow-up history across seven meetings, written on a fake clock: each follow-up is
 * recorded at its meeting and every later change (postponed, done, dismissed) is stamped with the
 * clock's time at that moment, as the app stamps them. The expected figures for TODAY are worked
 * out by hand in the comments and in FIGURES; docs/protocol.md "Follow-up figures" defines them.
 */
import type { DueDate, FollowUp, Forum, Meeting, Owner } from '../../src/domain';
import { DEFAULT_REMINDER_POLICY, FixedClock, localInstant } from '../../src/domain';

/** The digest's Monday: week 37 of 2026, 08:00 in Copenhagen. */
export const TODAY = '2026-09-07';
export const NOW = localInstant(TODAY, '08:00').toISOString();
/** The previous digest (Monday a week earlier, 08:00). */
export const LAST_DIGEST = localInstant('2026-08-31', '08:00').toISOString();

export const figuresForum: Forum = {
  id: 'forum-fig',
  tenantId: 'tenant-1',
  name: 'Chefforum Nordby',
  conversationId: '19:fig@thread.tacv2',
  members: [
    { userId: '29:chair', aadObjectId: null, name: 'Søren Ærø', department: null, role: 'chair' },
    { userId: '29:secretary', aadObjectId: null, name: 'Åse Øster', department: 'Stab', role: 'secretary' },
    { userId: '29:chief-a', aadObjectId: null, name: 'Bo Berg', department: 'Kultur & Fritid', role: 'member' },
    { userId: '29:chief-b', aadObjectId: null, name: 'Else Eg', department: 'Miljø & Teknik', role: 'member' },
  ],
  departments: ['Stab', 'Kultur & Fritid', 'Miljø & Teknik'],
  reminderPolicy: DEFAULT_REMINDER_POLICY,
  locale: 'da',
  createdAt: '2026-01-05T09:00:00.000Z',
};

/** M0 is older than the last six; M7 is the next meeting (not held yet). */
export const meetings = [
  { id: 'M0', date: '2026-05-19' },
  { id: 'M1', date: '2026-06-02' },
  { id: 'M2', date: '2026-06-16' },
  { id: 'M3', date: '2026-06-30' },
  { id: 'M4', date: '2026-07-14' },
  { id: 'M5', date: '2026-08-11' },
  { id: 'M6', date: '2026-08-25' },
  { id: 'M7', date: '2026-09-22' },
];

const day = (d: string): DueDate => ({ due: d, dueFrom: d, precision: 'day', text: d });
const dept = (name: string): Owner => ({ kind: 'department', name });
const KF = dept('Kultur & Fritid');
const MT = dept('Miljø & Teknik');
const ST = dept('Stab');

/** Builds the history on a fake clock: record at the meeting, then each event at its own time. */
function history(): FollowUp[] {
  const clock = new FixedClock('2026-05-19T10:00:00Z');
  const all = new Map<string, FollowUp>();
  const stamp = () => clock.now().toISOString();
  const at = (date: string) => clock.set(localInstant(date, '10:00'));

  const record = (id: string, meetingId: string, due: string | null, owner: Owner, status: FollowUp['status'] = 'open') => {
    at(meetings.find((m) => m.id === meetingId)!.date);
    const assignees = owner === KF ? ['29:chief-a'] : owner === MT ? ['29:chief-b'] : ['29:secretary'];
    all.set(id, {
      id,
      forumId: figuresForum.id,
      meetingId,
      itemNumber: 1,
      text: `Opfølgning ${id}`,
      kind: 'task',
      owner,
      due: due ? day(due) : null,
      evidence: '',
      confidence: 1,
      status,
      assignees,
      delegateUserId: null,
      postponements: [],
      updatedAt: stamp(),
      createdAt: stamp(),
    });
  };
  const change = (id: string, date: string, fn: (f: FollowUp, now: string) => FollowUp) => {
    at(date);
    all.set(id, fn(all.get(id)!, stamp()));
  };
  const done = (id: string, date: string) => change(id, date, (f, now) => ({ ...f, status: 'done', updatedAt: now, resolvedAt: now }));
  const dismiss = (id: string, date: string) => change(id, date, (f, now) => ({ ...f, status: 'dismissed', updatedAt: now, resolvedAt: now }));
  const postpone = (id: string, date: string, to: string) =>
    change(id, date, (f, now) => ({ ...f, due: day(to), postponements: [...f.postponements, { from: f.due, reason: null, at: now }], updatedAt: now }));

  record('f0', 'M0', '2026-05-30', ST); // older than the last six meetings
  record('a1', 'M1', '2026-06-20', ST); // on time
  record('a2', 'M1', '2026-06-20', MT); // late
  record('a3', 'M1', '2026-06-20', MT); // dismissed
  record('b1', 'M2', '2026-07-01', ST); // on time, done on the due date itself
  record('b2', 'M2', '2026-07-01', MT); // postponed to 15 July, done 10 July: late against the agreed 1 July
  record('c1', 'M3', '2026-08-01', KF); // open, overdue
  record('c2', 'M3', '2026-07-20', ST); // on time
  record('d1', 'M4', '2026-09-10', MT); // open, due this week
  record('d2', 'M4', '2026-08-15', KF); // open, postponed to 1 October
  record('d3', 'M4', null, ST); // open, no due date: on track
  record('e1', 'M5', '2026-09-30', MT); // open, on track
  record('e2', 'M5', '2026-09-01', ST); // late, done since the last digest
  record('e3', 'M5', '2026-09-15', KF); // dismissed
  record('g1', 'M6', '2026-09-04', MT); // on time, done since the last digest
  record('g2', 'M6', '2026-09-05', KF); // open, overdue
  record('g3', 'M6', '2026-10-15', { kind: 'member', name: 'Bo Berg', userId: '29:chief-a' }); // open, on track
  record('s1', 'M6', '2026-09-01', KF, 'suggested'); // never confirmed: in no figure

  done('f0', '2026-05-29');
  dismiss('a3', '2026-06-10');
  done('a1', '2026-06-18');
  done('a2', '2026-06-25');
  postpone('b2', '2026-06-28', '2026-07-15');
  done('b1', '2026-07-01');
  done('b2', '2026-07-10');
  done('c2', '2026-07-19');
  postpone('d2', '2026-08-14', '2026-10-01');
  dismiss('e3', '2026-08-20');
  done('e2', '2026-09-02');
  done('g1', '2026-09-04');
  return [...all.values()];
}

export const followUps: FollowUp[] = history();

/** The figures for TODAY, worked out by hand from the comments above. */
export const FIGURES = {
  open: { 'on-track': 3, 'due-this-week': 1, overdue: 2, postponed: 1 },
  openTotal: 7,
  doneSinceLastDigest: 2,
  byDepartment: [
    { name: 'Kultur & Fritid', counts: { 'on-track': 1, 'due-this-week': 0, overdue: 2, postponed: 1 }, total: 4 },
    { name: 'Miljø & Teknik', counts: { 'on-track': 1, 'due-this-week': 1, overdue: 0, postponed: 0 }, total: 2 },
    { name: 'Stab', counts: { 'on-track': 1, 'due-this-week': 0, overdue: 0, postponed: 0 }, total: 1 },
  ],
  byMeeting: {
    M1: { 'on-time': 1, late: 1, open: 0, dismissed: 1 },
    M2: { 'on-time': 1, late: 1, open: 0, dismissed: 0 },
    M3: { 'on-time': 1, late: 0, open: 1, dismissed: 0 },
    M4: { 'on-time': 0, late: 0, open: 3, dismissed: 0 },
    M5: { 'on-time': 0, late: 1, open: 1, dismissed: 1 },
    M6: { 'on-time': 1, late: 0, open: 2, dismissed: 0 },
  },
  // Agreed due dates in [2026-06-07, 2026-09-06], not dismissed: a1 a2 b1 b2 c1 c2 d2 e2 g1 g2 (10);
  // done by that date: a1 b1 c2 g1 (4).
  quarter: { onTime: 4, total: 10, percent: 40 },
};

/** The same history in another forum (a harness's seeded one), with its meetings as stored meetings. */
export function historyIn(forumId: string): { meetings: Meeting[]; followUps: FollowUp[] } {
  return {
    meetings: meetings.map((m) => ({
      id: `${forumId}-${m.id}`,
      forumId,
      kind: 'minutes',
      forumName: 'Chefforum',
      date: m.date,
      start: '09:00',
      location: null,
      status: m.date <= TODAY ? 'closed' : 'draft',
      items: [],
      communications: [],
      publishAt: null,
      publication: null,
      closedAt: null,
      summaryActivityId: null,
    })),
    followUps: followUps.map((f) => ({ ...f, forumId, meetingId: `${forumId}-${f.meetingId}` })),
  };
}
