import { decisionFormOptions, saveDecisionForm } from '../../src/app/decision-form';
import { itemCardFor } from '../../src/app/agenda-cards';
import { publishAgenda } from '../../src/app/publish-agenda';
import { type ConfirmedFollowUp, type DecisionInput, recordDecision } from '../../src/app/record-decision';
import { respondToItem } from '../../src/app/respond-to-item';
import { communicationsVersion, saveCommunications } from '../../src/app/save-communications';
import { suggestForItem } from '../../src/app/suggest-follow-ups';
import { parseVerbData } from '../../src/cards/actions';
import { followUpMeta } from '../../src/cards/common';
import { decisionFormCard } from '../../src/cards/decision-form';
import { myFollowUps } from '../../src/app/queries';
import type { Meeting } from '../../src/domain';
import { rejection } from '../support/rejection';
import { actor, aMeeting, FORUM_ID, members, useWorld, type World } from './world';

const world = useWorld();

async function published(w: World): Promise<Meeting> {
  await w.store.meetings.create(aMeeting());
  await publishAgenda(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1' });
  return (await w.store.meetings.get(FORUM_ID, 'meeting-1'))!.value;
}

/** The current JSON of a posted activity (after updates). */
function posted(w: World, activityId: string | null | undefined): string {
  return JSON.stringify(w.fake.activity(activityId ?? '') ?? null);
}

const day = (date: string, text = '') => ({ due: date, dueFrom: date, precision: 'day' as const, text });

function decision(overrides: Partial<DecisionInput> = {}): DecisionInput {
  return {
    forumId: FORUM_ID,
    meetingId: 'meeting-1',
    itemNumber: 1,
    actor: actor(members.secretary),
    outcome: 'approved',
    outcomeText: null,
    proposals: [
      { proposalNumber: 1, outcome: 'approved', note: null },
      { proposalNumber: 2, outcome: 'amended', note: null },
    ],
    text: 'Modellen blev godkendt. Kultur & Fritid udarbejder en plan inden den 20. marts 2026.',
    followUps: [],
    version: null,
    ...overrides,
  };
}

describe('before the meeting: comments, read, wants discussion', () => {
  it('keeps a chief’s comment, replaces it when edited, and shows the tally on the overview card', async () => {
    const w = await world();
    const meeting = await published(w);
    const ref = { forumId: FORUM_ID, meetingId: 'meeting-1', itemNumber: 1 };
    await respondToItem(w.deps, { ...ref, actor: actor(members.culture), comment: 'Vi mangler en tidsplan.' });
    await respondToItem(w.deps, { ...ref, actor: actor(members.culture), comment: 'Vi mangler en tidsplan for afprøvningen.' });
    await respondToItem(w.deps, { ...ref, actor: actor(members.tech), wantsDiscussion: true });
    const { tally } = await respondToItem(w.deps, { ...ref, itemNumber: 2, actor: actor(members.tech), read: true });
    const responses = await w.store.responses.listByMeeting('meeting-1');
    const culture = responses.filter((r) => r.userId === members.culture.userId);
    expect(culture).toHaveLength(1);
    expect(culture[0].comment).toBe('Vi mangler en tidsplan for afprøvningen.');
    expect(tally.items[2]).toEqual({ comments: 0, wantsDiscussion: 0, read: 1 });
    expect(tally.members).toBe(4);
    const overview = posted(w, meeting.publication?.overviewActivityId);
    expect(overview).toContain('Kommentarer: 1 · Ønsker drøftelse: 1 af 4');
    expect(overview).toContain('Kommentarer: 0 · Ønsker drøftelse: 0 · Læst: 1 af 4');
  });

  it('counts the people it says it counts: the secretary’s own "read" is not one of the 4, and she is not asked for a comment', async () => {
    const w = await world();
    const meeting = await published(w);
    await respondToItem(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1', itemNumber: 2, actor: actor(members.secretary), read: true });
    const { tally } = await respondToItem(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1', itemNumber: 2, actor: actor(members.tech), read: true });
    expect(tally.items[2].read).toBe(1);
    const overview = posted(w, meeting.publication?.overviewActivityId);
    expect(overview).toContain('Læst: 1 af 4');
    expect(overview).not.toContain('Læst: 2 af 4');
    const secretaryView = JSON.stringify(await itemCardFor(w.deps, { forum: w.forum, meeting, itemNumber: 1, viewer: members.secretary, where: 'channel' }));
    expect(secretaryView).not.toContain('Din kommentar til sekretæren');
    const chiefView = JSON.stringify(await itemCardFor(w.deps, { forum: w.forum, meeting, itemNumber: 1, viewer: members.tech, where: 'channel' }));
    expect(chiefView).toContain('Din kommentar til sekretæren');
  });

  it('refuses someone who is not on the roster', async () => {
    const w = await world();
    await published(w);
    const stranger = { userId: '29:stranger', name: 'Fremmed' };
    const err = await rejection(respondToItem(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1', itemNumber: 1, actor: stranger, comment: 'Hej' }));
    expect(err.code).toBe('forbidden');
    expect(await w.store.responses.listByMeeting('meeting-1')).toEqual([]);
  });
});

describe('follow-up suggestions', () => {
  it('finds follow-ups in the typed decision text, with owners from the forum and Danish due dates', async () => {
    const w = await world();
    const meeting = await published(w);
    const text = 'Kultur & Fritid udarbejder en plan inden den 20. marts 2026. Karin Kulturchef udarbejder et notat inden den 27. marts 2026.';
    const suggestions = await suggestForItem(w.deps, { meeting, itemNumber: 1, decisionText: text });
    expect(suggestions[0]).toMatchObject({ owner: { kind: 'department', name: 'Kultur & Fritid' }, due: { due: '2026-03-20' } });
    expect(suggestions.some((s) => s.owner?.userId === members.culture.userId)).toBe(true);
  });
});

describe('recording a decision', () => {
  const confirmed: ConfirmedFollowUp[] = [
    { text: 'Udarbejd en plan', kind: 'task', owner: { kind: 'department', name: 'kultur & fritid' }, due: day('2026-03-20', 'inden den 20. marts 2026') },
    { text: 'Meld kontaktpersoner ind', kind: 'task', owner: { kind: 'all-chiefs', name: 'Cheferne' }, due: day('2026-03-27') },
    { text: 'Tag sagen op igen', kind: 'return-to-forum', owner: null, due: null },
  ];

  it('stores the decision and the confirmed follow-ups with their assignees, schedules reminders and updates the card', async () => {
    const w = await world();
    const meeting = await published(w);
    const result = await recordDecision(w.deps, decision({ followUps: confirmed }));
    expect(result.unchanged).toBe(false);
    expect((await w.store.decisions.get('meeting-1', 1))?.value).toMatchObject({ outcome: 'approved', recordedBy: members.secretary.userId });
    const stored = await w.store.followUps.listByMeeting(FORUM_ID, 'meeting-1');
    const byText = (t: string) => stored.find((f) => f.text === t)!;
    expect(stored.every((f) => f.status === 'open' && f.confidence === 1)).toBe(true);
    expect(byText('Udarbejd en plan').owner).toEqual({ kind: 'department', name: 'Kultur & Fritid' });
    expect(byText('Udarbejd en plan').assignees).toEqual([members.culture.userId]);
    expect(byText('Meld kontaktpersoner ind').assignees.sort()).toEqual([members.culture.userId, members.finance.userId, members.tech.userId].sort());
    expect(byText('Tag sagen op igen').assignees).toEqual([members.secretary.userId]);
    const reminders = (await w.store.jobs.listByForum(FORUM_ID)).filter((j) => j.kind === 'reminder');
    expect(reminders.length).toBeGreaterThan(0);
    expect(posted(w, meeting.publication?.itemActivityIds['1'])).toContain('Kultur & Fritid udarbejder en plan');
  });

  it('changes nothing when Teams retries the same submit, and answers the same', async () => {
    const w = await world();
    await published(w);
    const first = await recordDecision(w.deps, decision({ followUps: confirmed }));
    const audit = (await w.store.audit.listByForum(FORUM_ID)).length;
    w.clock.advance(3000);
    const retry = await recordDecision(w.deps, decision({ followUps: confirmed }));
    expect(retry.unchanged).toBe(true);
    expect(retry.decision).toEqual(first.decision);
    expect(retry.followUps.map((f) => f.id).sort()).toEqual(first.followUps.map((f) => f.id).sort());
    expect(await w.store.decisions.history('meeting-1', 1)).toEqual([]);
    expect(await w.store.followUps.listByMeeting(FORUM_ID, 'meeting-1')).toHaveLength(3);
    expect(await w.store.audit.listByForum(FORUM_ID)).toHaveLength(audit);
  });

  it('gives the second of two secretaries editing at once a conflict, never a silent overwrite', async () => {
    const w = await world();
    await published(w);
    const first = await recordDecision(w.deps, decision());
    await recordDecision(w.deps, decision({ actor: actor(members.director), text: 'Godkendt med ændringer.', version: first.decision.etag }));
    const err = await rejection(recordDecision(w.deps, decision({ text: 'Min egen version.', version: first.decision.etag })));
    expect(err.code).toBe('conflict');
    expect((await w.store.decisions.get('meeting-1', 1))?.value.text).toBe('Godkendt med ændringer.');
    const stale = await rejection(recordDecision(w.deps, decision({ itemNumber: 2, text: 'Taget til efterretning.', version: '"an-old-etag"' })));
    expect(stale.code).toBe('conflict');
    expect(await w.store.decisions.get('meeting-1', 2)).toBeNull();
  });

  it('refuses a chief', async () => {
    const w = await world();
    await published(w);
    const err = await rejection(recordDecision(w.deps, decision({ actor: actor(members.finance) })));
    expect(err.code).toBe('forbidden');
    expect(await w.store.decisions.get('meeting-1', 1)).toBeNull();
  });

  it('keeps a closed item’s decision out of the audit log and the channel, but updates the members’ 1:1 copies', async () => {
    const w = await world();
    const meeting = await published(w);
    const secret = 'FORTROLIG-BESLUTNING om fratrædelse';
    await recordDecision(
      w.deps,
      decision({ itemNumber: 3, proposals: [], text: secret, followUps: [{ text: 'FORTROLIG-OPGAVE', kind: 'task', owner: null, due: null }] }),
    );
    const audit = JSON.stringify(await w.store.audit.listByForum(FORUM_ID));
    expect(audit).toContain('decision.record');
    expect(audit).not.toContain('FORTROLIG');
    expect(w.channelPayloads().join('\n')).not.toContain('FORTROLIG');
    expect(posted(w, meeting.publication?.itemActivityIds['3'])).toContain('Lukket punkt');
    const copies = Object.entries(meeting.publication?.personalActivityIds ?? {}).filter(([k]) => k.startsWith('3:'));
    expect(copies).toHaveLength(5);
    expect(posted(w, copies[0][1])).toContain(secret);
  });
});

describe('messages for the departments', () => {
  it('stores one message per line with its not-before date and target departments', async () => {
    const w = await world();
    const meeting = await published(w);
    await saveCommunications(w.deps, {
      forumId: FORUM_ID,
      meetingId: 'meeting-1',
      actor: actor(members.secretary),
      version: communicationsVersion(meeting),
      lines: [
        { text: 'Ny fælles indgang for borgerhenvendelser fra 1. april.', notBefore: null, departments: [] },
        { text: 'Sygefraværet er faldet.', notBefore: '2026-03-16', departments: ['kultur & fritid'] },
      ],
    });
    const saved = (await w.store.meetings.get(FORUM_ID, 'meeting-1'))?.value.communications;
    expect(saved).toHaveLength(2);
    expect(saved?.[1]).toMatchObject({ notBefore: '2026-03-16', departments: ['Kultur & Fritid'] });
  });

  it('refuses an unknown department by name and a stale form with a conflict', async () => {
    const w = await world();
    const meeting = await published(w);
    const base = { forumId: FORUM_ID, meetingId: 'meeting-1', actor: actor(members.secretary) };
    const unknown = await rejection(saveCommunications(w.deps, { ...base, version: null, lines: [{ text: 'Hej', notBefore: null, departments: ['Skoler'] }] }));
    expect(unknown.code).toBe('invalid-input');
    expect(unknown.message).toContain('Skoler');
    const version = communicationsVersion(meeting);
    await saveCommunications(w.deps, { ...base, version, lines: [{ text: 'Første', notBefore: null, departments: [] }] });
    const stale = await rejection(saveCommunications(w.deps, { ...base, version, lines: [{ text: 'Anden', notBefore: null, departments: [] }] }));
    expect(stale.code).toBe('conflict');
    expect((await w.store.meetings.get(FORUM_ID, 'meeting-1'))?.value.communications.map((c) => c.text)).toEqual(['Første']);
  });
});

describe('editing a recorded decision', () => {
  const twoFollowUps: ConfirmedFollowUp[] = [
    { text: 'Udarbejd en plan', kind: 'task', owner: { kind: 'department', name: 'Kultur & Fritid' }, due: day('2026-03-20') },
    { text: 'Meld kontaktpersoner ind', kind: 'task', owner: { kind: 'department', name: 'Miljø & Teknik' }, due: day('2026-03-27') },
  ];
  const remindersOf = async (w: World, userId: string) =>
    (await w.store.jobs.listByForum(FORUM_ID)).filter((j) => j.kind === 'reminder' && j.payload.userId === userId && j.status === 'pending');

  it('dismisses the follow-ups the secretary removed, cancels their reminders, and updates the kept ones in place', async () => {
    const w = await world();
    await published(w);
    const first = await recordDecision(w.deps, decision({ followUps: twoFollowUps }));
    const [plan, contacts] = ['Udarbejd en plan', 'Meld kontaktpersoner ind'].map((t) => first.followUps.find((f) => f.text === t)!);
    expect(await remindersOf(w, members.tech.userId)).toHaveLength(1);

    // The form carries the plan's id; its date moved, the contact persons row was removed.
    const kept = { ...twoFollowUps[0], id: plan.id, text: 'Udarbejd en plan for afprøvningen', due: day('2026-04-10') };
    w.clock.advance(1000); // the audit log is in time order; entries of one instant are in no particular order
    const second = await recordDecision(w.deps, decision({ text: 'Godkendt med en senere frist.', followUps: [kept], version: first.decision.etag }));
    const stored = await w.store.followUps.listByMeeting(FORUM_ID, 'meeting-1');
    expect(stored).toHaveLength(2); // edited, not copied
    expect(stored.find((f) => f.id === plan.id)).toMatchObject({ status: 'open', text: 'Udarbejd en plan for afprøvningen', due: { due: '2026-04-10' } });
    expect(stored.find((f) => f.id === contacts.id)?.status).toBe('dismissed');
    expect(second.followUps.map((f) => f.id)).toEqual([plan.id]);
    expect(await remindersOf(w, members.tech.userId)).toHaveLength(0);
    // A week before 10 April is langfredag, and the day before skærtorsdag: the reminder moves to 1 April.
    expect((await remindersOf(w, members.culture.userId)).map((j) => j.payload.date)).toEqual(['2026-04-01']);
    const audit = await w.store.audit.listByForum(FORUM_ID);
    expect(audit.filter((a) => a.action === 'followup.dismiss').map((a) => a.target)).toEqual([`meeting:meeting-1/item:1/followup:${contacts.id}`]);
    expect(audit.filter((a) => a.action === 'decision.record').at(-1)?.after).toMatchObject({
      updatedFollowUpIds: [plan.id],
      dismissedFollowUpIds: [contacts.id],
    });

    // A Teams retry of that submit changes nothing more.
    const entries = audit.length;
    const retry = await recordDecision(w.deps, decision({ text: 'Godkendt med en senere frist.', followUps: [kept], version: first.decision.etag }));
    expect(retry.unchanged).toBe(true);
    expect(await w.store.audit.listByForum(FORUM_ID)).toHaveLength(entries);
  });

  it('refuses a second secretary’s stale form that would change the follow-ups of the same decision', async () => {
    const w = await world();
    await published(w);
    const first = await recordDecision(w.deps, decision({ followUps: twoFollowUps }));
    const kept = twoFollowUps.slice(0, 1).map((f) => ({ ...f, id: first.followUps.find((x) => x.text === f.text)!.id }));
    await recordDecision(w.deps, decision({ followUps: kept, version: first.decision.etag }));
    const stale = await rejection(recordDecision(w.deps, decision({ followUps: twoFollowUps, version: first.decision.etag })));
    expect(stale.code).toBe('conflict');
    expect((await w.store.followUps.listByMeeting(FORUM_ID, 'meeting-1')).filter((f) => f.status === 'open')).toHaveLength(1);
  });

  it('offers the recorded follow-ups with their ids in the form, so saving the form as it is changes nothing', async () => {
    const w = await world();
    const meeting = await published(w);
    await recordDecision(w.deps, decision({ followUps: twoFollowUps }));
    const item = meeting.items[0];
    const options = await decisionFormOptions(w.deps, { forum: w.forum, meeting, item });
    const card = decisionFormCard(item, options, 'da');
    const save = JSON.stringify(card).match(/"verb":"decision\.save","data":(\{.*?"proposalNumbers":\[[^\]]*\]\})/)?.[1];
    const data = { ...JSON.parse(save!), ...inputsOf(card) } as Record<string, unknown>;
    expect((data.suggested as { id?: string }[]).every((s) => s.id?.startsWith('fu-'))).toBe(true);
    const parsed = parseVerbData('decision.save', data);
    if (!parsed.ok || parsed.verb !== 'decision.save') throw new Error(parsed.ok ? 'wrong verb' : parsed.error);
    const { result, fresh } = await saveDecisionForm(w.deps, { forum: w.forum, meeting, actor: actor(members.secretary), data: parsed.data });
    expect(result.unchanged).toBe(true);
    expect(fresh).toEqual([]);
    const stored = await w.store.followUps.listByMeeting(FORUM_ID, 'meeting-1');
    expect(stored.map((f) => f.status)).toEqual(['open', 'open']);
  });
});

describe('the next meeting in a decision', () => {
  it('dates "til næste møde" to the forum’s next meeting when one is on file', async () => {
    const w = await world();
    const meeting = await published(w);
    const text = 'Sagen sendes tilbage til næste møde.';
    expect((await suggestForItem(w.deps, { meeting, itemNumber: 1, decisionText: text }))[0].due).toBeNull();
    await w.store.meetings.create(aMeeting({ id: 'meeting-2', date: '2026-04-09' }));
    const [f] = await suggestForItem(w.deps, { meeting, itemNumber: 1, decisionText: text });
    expect(f.due).toMatchObject({ due: '2026-04-09', text: 'til næste møde' });
  });
});

describe('owners outside the roster', () => {
  /** The form for item 1 offered from `text`, and what Teams sends when it is saved as it is. */
  async function formFrom(w: World, meeting: Meeting, text: string) {
    const item = meeting.items[0];
    const fresh = await suggestForItem(w.deps, { meeting, itemNumber: 1, decisionText: text });
    const options = await decisionFormOptions(w.deps, { forum: w.forum, meeting, item, fresh });
    const card = decisionFormCard(item, options, 'da');
    const save = JSON.stringify(card).match(/"verb":"decision\.save","data":(\{.*?"proposalNumbers":\[[^\]]*\]\})/)?.[1];
    const inputs = inputsOf(card);
    return { card: JSON.stringify(card), inputs, data: { ...JSON.parse(save!), ...inputs, decisionText: text } as Record<string, unknown> };
  }

  async function saveForm(w: World, meeting: Meeting, data: Record<string, unknown>) {
    const parsed = parseVerbData('decision.save', data);
    if (!parsed.ok || parsed.verb !== 'decision.save') throw new Error(parsed.ok ? 'wrong verb' : parsed.error);
    await saveDecisionForm(w.deps, { forum: w.forum, meeting, actor: actor(members.secretary), data: parsed.data });
  }

  async function saveFormFrom(w: World, meeting: Meeting, text: string) {
    const form = await formFrom(w, meeting, text);
    await saveForm(w, meeting, form.data);
    return form;
  }

  it('offers a named outsider and "all chiefs" as owners, asks for the outsider’s responsible member (default the secretary) and reminds them', async () => {
    const w = await world();
    const meeting = await published(w);
    const text = 'Jonatan Petersen udarbejder et notat inden den 20. marts 2026. Afdelingscheferne orienterer deres medarbejdere inden den 27. marts 2026.';
    const { card, inputs } = await saveFormFrom(w, meeting, text);
    expect(card).toContain('Jonatan Petersen (uden for forummet)');
    expect(card).toContain('Alle chefer');
    expect(card).toContain('Ansvarlig i forummet for Jonatan Petersen');
    // Both owners are chosen in the form, none shows as "(ingen)".
    expect([inputs.fu_0_owner, inputs.fu_1_owner, inputs.fu_0_resp].every((v) => typeof v === 'string' && /^o\d+$/.test(v))).toBe(true);
    const stored = await w.store.followUps.listByMeeting(FORUM_ID, 'meeting-1');
    const outsider = stored.find((f) => f.text.includes('notat'))!;
    expect(outsider.owner).toMatchObject({ kind: 'person', name: 'Jonatan Petersen', responsible: { userId: members.secretary.userId } });
    expect(outsider.assignees).toEqual([members.secretary.userId]);
    const chiefs = stored.find((f) => f.text.includes('orienterer'))!;
    expect(chiefs.owner?.kind).toBe('all-chiefs');
    expect(chiefs.assignees.sort()).toEqual([members.culture.userId, members.tech.userId, members.finance.userId].sort());
    // The secretary's "my tasks" names the outsider and who answers for them.
    const mine = await myFollowUps(w.deps, members.secretary.userId);
    const line = followUpMeta(mine.find((v) => v.followUp.id === outsider.id)!.followUp, 'da');
    expect(line).toContain('Ansvarlig: Jonatan Petersen (ansvarlig i forummet: ');
  });

  it('lets the secretary choose another member to answer for the outsider', async () => {
    const w = await world();
    const meeting = await published(w);
    const text = 'Jonatan Petersen udarbejder et notat inden den 20. marts 2026.';
    const form = await formFrom(w, meeting, text);
    const choices = [...form.card.matchAll(/"choices":(\[[^\]]*\])/g)].map((m) => JSON.parse(m[1]) as { title: string; value: string }[]);
    const culture = choices.flat().find((c) => c.title === members.culture.name)!;
    expect(form.inputs.fu_0_resp).not.toBe(culture.value);
    await saveForm(w, meeting, { ...form.data, fu_0_resp: culture.value });
    const [f] = (await w.store.followUps.listByMeeting(FORUM_ID, 'meeting-1')).filter((x) => x.status === 'open');
    expect(f.owner?.responsible?.userId).toBe(members.culture.userId);
    expect(f.assignees).toEqual([members.culture.userId]);
  });
});

/** The values a card's inputs hold (what Teams sends with a button's data). */
function inputsOf(card: unknown): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string')
        values[o.id] = o.type === 'Input.Toggle' ? String(o.value ?? 'false') : (o.value ?? '');
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return values;
}
