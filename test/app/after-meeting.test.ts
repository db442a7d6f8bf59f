import mammoth from 'mammoth';
import { chiefCascadeCard, confirmCascade, deliverHeldCommunications, heldJobId } from '../../src/app/cascade';
import { closeMeeting } from '../../src/app/close-meeting';
import { requestClose } from '../../src/app/close-request';
import { minutesFor } from '../../src/app/minutes';
import { publishAgenda } from '../../src/app/publish-agenda';
import { deadlines, myFollowUps, nextMeeting, returnItems } from '../../src/app/queries';
import { recordDecision } from '../../src/app/record-decision';
import { saveCommunications } from '../../src/app/save-communications';
import { AppError } from '../../src/domain';
import { actor, aMeeting, anAnswerInChannel, FORUM_ID, members, useWorld, type World } from './world';

const world = useWorld();
const ref = { forumId: FORUM_ID, meetingId: 'meeting-1' };
const day = (date: string) => ({ due: date, dueFrom: date, precision: 'day' as const, text: '' });

/** The summary card's container of item `n` (its heading, outcome and text). */
function summaryItem(activity: Record<string, unknown> | undefined, n: number): unknown {
  if (!activity) throw new Error('no summary was posted');
  const card = (activity.attachments as { content: { body: Record<string, unknown>[] } }[])[0].content;
  return card.body.find((b) => b.type === 'Container' && JSON.stringify(b).includes(`Punkt ${n}:`));
}

/** A published meeting with decisions, follow-ups and messages (one held until 16 March). */
async function decided(w: World): Promise<void> {
  await w.store.meetings.create(aMeeting());
  await publishAgenda(w.deps, ref);
  const secretary = actor(members.secretary);
  const base = { ...ref, actor: secretary, outcomeText: null, proposals: [], version: null };
  await recordDecision(w.deps, {
    ...base,
    itemNumber: 1,
    outcome: 'approved',
    text: 'Den fælles indgang blev godkendt.',
    followUps: [
      { text: 'Udpeg en kontaktperson', kind: 'task', owner: { kind: 'department', name: 'Miljø & Teknik' }, due: day('2026-03-20') },
      { text: 'Evaluér modellen i Ledelsesforum', kind: 'return-to-forum', owner: null, due: day('2026-06-30') },
    ],
  });
  await recordDecision(w.deps, { ...base, itemNumber: 2, outcome: 'noted', text: 'Orienteringen blev taget til efterretning.', followUps: [] });
  await recordDecision(w.deps, {
    ...base,
    itemNumber: 3,
    outcome: 'approved',
    text: 'FORTROLIG-BESLUTNING',
    followUps: [{ text: 'FORTROLIG-OPGAVE', kind: 'task', owner: { kind: 'department', name: 'Økonomi & Stab' }, due: day('2026-03-10') }],
  });
  await saveCommunications(w.deps, {
    ...ref,
    actor: secretary,
    version: null,
    lines: [
      { text: 'Borgerhenvendelser får én fælles indgang.', notBefore: null, departments: [] },
      { text: 'Nyt om sygefravær kun til Miljø & Teknik.', notBefore: null, departments: ['Miljø & Teknik'] },
      { text: 'EMBARGO-BESKED: ny direktør præsenteres.', notBefore: '2026-03-16', departments: [] },
    ],
  });
}

describe('closing the meeting', () => {
  it('posts the summary in the channel once and sends each chief their messages and follow-ups 1:1', async () => {
    const w = await world();
    await decided(w);
    const closed = await closeMeeting(w.deps, { ...ref, actor: actor(members.director) });
    expect(closed.meeting).toMatchObject({ status: 'closed', closedAt: '2026-03-02T08:00:00.000Z' });
    const channel = w.channelPayloads();
    const summaryPosts = w.fake.sent().filter((s) => s.kind !== 'update' && JSON.stringify(s.activity).includes('har bekræftet'));
    expect(summaryPosts).toHaveLength(1);
    const summary = JSON.stringify(w.fake.activity(closed.meeting.summaryActivityId!));
    expect(summary).toContain('Den fælles indgang blev godkendt.');
    expect(summary).toContain('Borgerhenvendelser får én fælles indgang.');
    expect(summary).toContain('Udpeg en kontaktperson');
    expect(summary).toContain('0 af 3 har bekræftet');
    expect(channel.join('\n')).not.toContain('FORTROLIG');

    const tech = JSON.stringify(w.personalCards(members.tech.userId));
    expect(tech).toContain('Borgerhenvendelser får én fælles indgang.');
    expect(tech).toContain('Nyt om sygefravær kun til Miljø & Teknik.');
    expect(tech).toContain('Udpeg en kontaktperson');
    expect(tech).toContain('Videregivet til afdelingen');
    expect(tech).not.toContain('EMBARGO-BESKED');
    const culture = JSON.stringify(w.personalCards(members.culture.userId));
    expect(culture).toContain('Borgerhenvendelser får én fælles indgang.');
    expect(culture).not.toContain('Nyt om sygefravær');
    expect(culture).not.toContain('Udpeg en kontaktperson');
    expect(JSON.stringify(w.personalCards(members.finance.userId))).toContain('FORTROLIG-OPGAVE');
    expect(closed.receipts.map((r) => r.userId).sort()).toEqual([members.culture.userId, members.finance.userId, members.tech.userId].sort());
    expect(closed.receipts.every((r) => r.deliveredAt && !r.confirmedAt)).toBe(true);
  });

  it('posts nothing twice when closed again', async () => {
    const w = await world();
    await decided(w);
    await closeMeeting(w.deps, { ...ref, actor: actor(members.secretary) });
    const sent = w.fake.sent().length;
    const again = await closeMeeting(w.deps, { ...ref, actor: actor(members.secretary) });
    expect(again.alreadyClosed).toBe(true);
    expect(w.fake.sent()).toHaveLength(sent);
  });

  it('marks a chief the bot cannot reach as undeliverable and still reaches the others', async () => {
    const w = await world();
    await w.store.meetings.create(aMeeting({ items: aMeeting().items.filter((i) => !i.closed) }));
    await publishAgenda(w.deps, ref);
    w.fake.failNext(1, 403, { match: (r) => r.kind === 'create-conversation' });
    const closed = await closeMeeting(w.deps, ref);
    const byUndeliverable = closed.receipts.filter((r) => r.undeliverable);
    expect(byUndeliverable).toHaveLength(1);
    expect(closed.receipts.filter((r) => r.deliveredAt)).toHaveLength(2);
  });

  it('refuses a chief and leaves the meeting open', async () => {
    const w = await world();
    await decided(w);
    await expect(closeMeeting(w.deps, { ...ref, actor: actor(members.culture) })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await w.store.meetings.get(FORUM_ID, 'meeting-1'))?.value.status).toBe('published');
  });

  it('holds a message with a not-before date until 08:00 that day, then delivers it to each chief', async () => {
    const w = await world();
    await decided(w);
    await closeMeeting(w.deps, ref);
    const job = (await w.store.jobs.get(heldJobId('meeting-1', members.culture.userId, '2026-03-16')))?.value;
    expect(job).toMatchObject({ kind: 'deliver-communications', dueAt: '2026-03-16T07:00:00.000Z' });
    w.clock.set('2026-03-16T07:00:00Z');
    const before = w.personalCards(members.culture.userId).length;
    const outcome = await deliverHeldCommunications(w.deps, job!);
    expect(outcome.status).toBe('sent');
    const cards = w.personalCards(members.culture.userId);
    expect(cards).toHaveLength(before + 1);
    expect(JSON.stringify(cards.at(-1))).toContain('EMBARGO-BESKED');
  });

  it('keeps a chief’s earlier confirmation when held messages arrive, and shows on the summary who passed on what', async () => {
    const w = await world();
    await decided(w);
    const closed = await closeMeeting(w.deps, ref);
    const summary = () => JSON.stringify(w.fake.activity(closed.meeting.summaryActivityId!));
    await confirmCascade(w.deps, { ...ref, actor: actor(members.culture) });
    expect(summary()).toContain(`Bekræftet: ${members.culture.name}`);

    w.clock.set('2026-03-16T07:00:00Z');
    await deliverHeldCommunications(w.deps, (await w.store.jobs.get(heldJobId('meeting-1', members.culture.userId, '2026-03-16')))!.value);
    const receipt = (await w.store.cascade.get('meeting-1', members.culture.userId))?.value;
    expect(receipt?.confirmedAt).toBe('2026-03-02T08:00:00.000Z'); // not lost
    expect(receipt?.confirmedMessageIds).toHaveLength(1);
    expect(receipt?.deliveredMessageIds).toHaveLength(2);
    // Passed on the first message, not yet the held one: still waited for, with how far they got.
    expect(summary()).toContain('0 af 3 har bekræftet');
    expect(summary()).toContain(`${members.culture.name} (har videregivet 1 af 2 beskeder)`);
    const card = await chiefCascadeCard(w.deps, { forum: w.forum, meeting: closed.meeting, chief: members.culture, where: 'personal' });
    expect(JSON.stringify(card)).toContain('cascade.confirm');

    await confirmCascade(w.deps, { ...ref, actor: actor(members.culture) });
    expect(summary()).toContain('1 af 3 har bekræftet');
    expect(summary()).toContain(`Bekræftet: ${members.culture.name}`);
    const audit = (await w.store.audit.listByForum(FORUM_ID)).filter((a) => a.action === 'cascade.confirm');
    expect(audit).toHaveLength(2);
  });

  it('shows each chief’s confirmation on the summary card', async () => {
    const w = await world();
    await decided(w);
    const closed = await closeMeeting(w.deps, ref);
    await confirmCascade(w.deps, { ...ref, actor: actor(members.tech) });
    await confirmCascade(w.deps, { ...ref, actor: actor(members.tech) });
    const summary = JSON.stringify(w.fake.activity(closed.meeting.summaryActivityId!));
    expect(summary).toContain('1 af 3 har bekræftet');
    expect(summary).toContain(`Bekræftet: ${members.tech.name}`);
    const audit = (await w.store.audit.listByForum(FORUM_ID)).filter((a) => a.action === 'cascade.confirm');
    expect(audit).toHaveLength(1);
    const err = await confirmCascade(w.deps, { ...ref, actor: actor(members.director) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('forbidden');
  });
});

describe('the standing communication item', () => {
  it('shows the messages as its decision in the summary and the minutes, one per line', async () => {
    const w = await world();
    await decided(w);
    const closed = await closeMeeting(w.deps, ref);
    const summary = w.fake.activity(closed.meeting.summaryActivityId!);
    const item4 = JSON.stringify(summaryItem(summary, 4));
    expect(item4).toContain('Beskeder til afdelingerne');
    expect(item4).toContain('3 beskeder, se');
    expect(item4).not.toContain('Borgerhenvendelser');
    expect(item4).not.toContain('Ingen beslutning registreret');
    // Once in the summary, with departments and hold date.
    const json = JSON.stringify(summary);
    expect(json.split('Nyt om sygefravær').length - 1).toBe(1);
    expect(json).toContain('Til: Miljø & Teknik');
    expect(json).toContain('Må tidligst gives videre 16. marts 2026');
    const minutes = await minutesFor(w.deps, ref);
    const punkt4 = minutes.markdown.slice(minutes.markdown.indexOf('## Punkt 4:'));
    expect(punkt4).toMatch(
      /Beslutning[\s\S]*Borgerhenvendelser får én fælles indgang\.\n\nNyt om sygefravær kun til Miljø & Teknik\. \(Til: Miljø & Teknik\)\n\nEMBARGO-BESKED: ny direktør præsenteres\. \(Må tidligst gives videre 16\. marts 2026\)/,
    );
  });

  it('says "Intet" when there were no messages', async () => {
    const w = await world();
    await w.store.meetings.create(aMeeting());
    await publishAgenda(w.deps, ref);
    const closed = await closeMeeting(w.deps, ref);
    const item4 = JSON.stringify(summaryItem(w.fake.activity(closed.meeting.summaryActivityId!), 4));
    expect(item4).toContain('Intet');
    expect(item4).not.toContain('Ingen beslutning registreret');
    const minutes = await minutesFor(w.deps, ref);
    expect(minutes.markdown.slice(minutes.markdown.indexOf('Punkt 4:'))).toMatch(/Beslutning\s+Intet/);
  });
});

describe('the meeting record', () => {
  it('carries each proposal’s outcome and the ordered follow-ups to the summary and the minutes (Markdown and Word)', async () => {
    const w = await world();
    await w.store.meetings.create(aMeeting());
    await publishAgenda(w.deps, ref);
    const base = { ...ref, actor: actor(members.secretary), outcomeText: null, version: null };
    await recordDecision(w.deps, {
      ...base,
      itemNumber: 2,
      outcome: 'noted',
      proposals: [],
      text: 'Taget til efterretning.',
      followUps: [{ text: 'Send notatet rundt', kind: 'task', owner: { kind: 'department', name: 'Kultur & Fritid' }, due: day('2026-03-12') }],
    });
    await recordDecision(w.deps, {
      ...base,
      itemNumber: 1,
      outcome: 'approved',
      proposals: [
        { proposalNumber: 1, outcome: 'approved', note: null },
        { proposalNumber: 2, outcome: 'amended', note: null },
      ],
      text: 'Modellen blev godkendt.',
      followUps: [
        { text: 'Evaluér modellen', kind: 'return-to-forum', owner: null, due: day('2026-06-30') },
        {
          text: 'Ret referatet',
          kind: 'task',
          owner: { kind: 'department', name: 'Miljø & Teknik' },
          due: { due: '2026-03-06', dueFrom: '2026-03-06', precision: 'day', text: 'senest fredag' },
        },
      ],
    });
    const closed = await closeMeeting(w.deps, ref);
    const summary = JSON.stringify(w.fake.activity(closed.meeting.summaryActivityId!));
    expect(JSON.stringify(summaryItem(w.fake.activity(closed.meeting.summaryActivityId!), 1))).toContain('Forslag 2: Godkendt med ændringer');
    const order = ['Ret referatet', 'Evaluér modellen', 'Send notatet rundt'].map((s) => summary.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBeGreaterThan(-1);
    expect(summary).toContain('Frist: senest fredag (6. marts 2026)');
    const minutes = await minutesFor(w.deps, ref);
    expect(minutes.markdown).toMatch(
      /## Punkt 1:[\s\S]*### Beslutning\n\nModellen blev godkendt\.\n\nForslag 1: Godkendt\nForslag 2: Godkendt med ændringer\n/,
    );
    expect(minutes.markdown).toContain(
      '## Opfølgning\n\n- Punkt 1: Ret referatet. Ansvarlig: Miljø & Teknik. Frist: senest fredag (6. marts 2026)\n- Punkt 1: Evaluér modellen. Frist: 30. juni 2026\n- Punkt 2: Send notatet rundt. Ansvarlig: Kultur & Fritid. Frist: 12. marts 2026\n',
    );
    const html = (await mammoth.convertToHtml({ buffer: minutes.docx })).value;
    expect(html).toContain('Forslag 2: Godkendt med ændringer');
    expect(html).toContain('<h2>Opfølgning</h2>');
  });
});

describe('closing after the click has been answered', () => {
  it('closes at once, then posts the summary and each chief’s card exactly once and updates the answer', async () => {
    const w = await world();
    await decided(w);
    const target = await anAnswerInChannel(w);
    w.fake.delayNext(2, 400, (r) => r.kind === 'send' || r.kind === 'create-conversation');
    const requested = await requestClose(w.deps, { ...ref, actor: actor(members.secretary), answer: async () => target });
    expect(requested.alreadyClosed).toBe(false);
    expect((await w.store.meetings.get(FORUM_ID, 'meeting-1'))?.value.status).toBe('closed');
    const summaries = () => w.fake.sent().filter((s) => s.kind === 'send' && JSON.stringify(s.activity).includes('har bekræftet'));
    expect(summaries()).toHaveLength(0); // answered before the summary is out
    await requested.done;
    expect(summaries()).toHaveLength(1);
    for (const chief of [members.culture, members.tech, members.finance]) {
      expect(w.personalCards(chief.userId).filter((c) => JSON.stringify(c).includes('Videregivet til afdelingen'))).toHaveLength(1);
    }
    expect(JSON.stringify(w.fake.activity(target.activityId))).toContain('er afsluttet. Opsummeringen er lagt i kanalen, og 3 chefer');
    const again = await requestClose(w.deps, { ...ref, actor: actor(members.secretary), answer: async () => target });
    await again.done;
    expect(again.alreadyClosed).toBe(true);
    expect(summaries()).toHaveLength(1);
    expect((await w.store.audit.listByForum(FORUM_ID)).filter((a) => a.action === 'meeting.close')).toHaveLength(1);
  });
});

describe('minutes and lists', () => {
  it('writes minutes with the recorded decisions and the messages, closed items as "Lukket" only', async () => {
    const w = await world();
    await decided(w);
    await closeMeeting(w.deps, ref);
    const minutes = await minutesFor(w.deps, ref);
    expect(minutes.fileName).toBe('Referat-Ledelsesforum-2026-03-05.docx');
    expect(minutes.markdown).toContain('# REFERAT Ledelsesforum d. 05-03-2026');
    expect(minutes.markdown).toContain('Den fælles indgang blev godkendt.');
    expect(minutes.markdown).toContain('Borgerhenvendelser får én fælles indgang.');
    expect(minutes.markdown).toContain('Punkt 3: Lukket');
    expect(minutes.markdown).not.toContain('FORTROLIG');
    expect(minutes.docx.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('lists my tasks, the forum’s deadlines by due date and the items to return to the forum', async () => {
    const w = await world();
    await decided(w);
    const mine = await myFollowUps(w.deps, members.tech.userId);
    expect(mine.map((v) => v.followUp.text)).toEqual(['Udpeg en kontaktperson']);
    const all = await deadlines(w.deps, FORUM_ID);
    expect(all.map((v) => v.followUp.due?.due)).toEqual(['2026-03-10', '2026-03-20', '2026-06-30']);
    expect(all[0].closedItem).toBe(true);
    const returning = await returnItems(w.deps, FORUM_ID);
    expect(returning.map((v) => v.followUp.text)).toEqual(['Evaluér modellen i Ledelsesforum']);
    expect((await nextMeeting(w.deps, FORUM_ID))?.value.id).toBe('meeting-1');
  });
});
