import { readFileSync } from 'node:fs';
import path from 'node:path';
import { updateAgendaDetails } from '../../src/app/agenda-details';
import { importAgenda } from '../../src/app/import-agenda';
import { agendaPreviewCard } from '../../src/cards/agenda-preview';
import { publishAgenda } from '../../src/app/publish-agenda';
import { requestPublish } from '../../src/app/publish-request';
import { discardAgenda, publishJobId, scheduleAgenda } from '../../src/app/schedule-agenda';
import { sweepOnce } from '../../src/scheduler/sweep';
import { TEST_CHANNEL } from '../support/activities';
import { rejection } from '../support/rejection';
import { actor, aMeeting, anAnswerInChannel, FORUM_ID, members, useWorld } from './world';

const agendaText = readFileSync(path.resolve(__dirname, '..', 'fixtures', 'lifecycle-agenda.md'), 'utf8');
const world = useWorld();

describe('agenda in', () => {
  it('keeps an agenda without a header, and publishes it only after the secretary has given the date', async () => {
    const w = await world();
    const body = agendaText.slice(agendaText.search(/^#* *Punkt 1/m));
    const { meeting, warnings } = await importAgenda(w.deps, { forum: w.forum, actor: actor(members.secretary), document: { text: body } });
    expect(warnings.map((x) => x.code)).toEqual(expect.arrayContaining(['missing-header', 'missing-date']));
    expect(meeting.value).toMatchObject({ status: 'draft', date: '', items: expect.arrayContaining([expect.objectContaining({ number: 1 })]) });
    const ref = { forumId: FORUM_ID, meetingId: meeting.value.id, actor: actor(members.secretary) };
    expect((await rejection(requestPublish(w.deps, ref))).details).toMatchObject({ messageKey: 'meeting.publish.noDate' });
    expect((await rejection(scheduleAgenda(w.deps, { ...ref, at: { date: '2026-03-04', time: '08:00' } }))).details).toMatchObject({
      messageKey: 'meeting.publish.noDate',
    });
    const details = { forumName: 'Ledelsesforum', date: '2026-03-05', start: '09:00', location: 'Mødelokale 2' };
    const dated = await updateAgendaDetails(w.deps, { ...ref, details });
    expect(dated.value).toMatchObject(details);
    expect((await requestPublish(w.deps, ref)).alreadyPublished).toBe(false);
  });

  it('stores the secretary’s pasted agenda as a draft meeting with its items', async () => {
    const w = await world();
    const { meeting, warnings } = await importAgenda(w.deps, { forum: w.forum, actor: actor(members.secretary), document: { text: agendaText } });
    expect(warnings).toEqual([]);
    expect(meeting.value).toMatchObject({ status: 'draft', date: '2026-03-05', start: '09:00', forumId: FORUM_ID });
    expect(meeting.value.items.map((i) => i.title)).toContain('Ny model for borgerhenvendelser');
    expect((await w.store.meetings.get(FORUM_ID, meeting.value.id))?.value.items).toHaveLength(6);
  });

  it('warns first in the preview, in Danish by default, when the meeting date has passed', async () => {
    const w = await world();
    const old = agendaText.replace(/05-03-2026/g, '10-10-2019').replace(/5\. marts 2026/g, '10. oktober 2019');
    const { meeting, warnings } = await importAgenda(w.deps, { forum: w.forum, actor: actor(members.secretary), document: { text: old } });
    expect(meeting.value.date).toBe('2019-10-10');
    expect(JSON.stringify(agendaPreviewCard(meeting.value, warnings, 'da'))).toContain('Mødedatoen 10. oktober 2019 er overstået');
    expect(JSON.stringify(agendaPreviewCard(meeting.value, warnings, 'en'))).toContain('The meeting date 10 October 2019 has passed');
  });

  it('reads an agenda sent as a file the same way', async () => {
    const w = await world();
    const document = { name: 'dagsorden.md', bytes: Buffer.from(agendaText, 'utf8') };
    const { meeting } = await importAgenda(w.deps, { forum: w.forum, actor: actor(members.director), document });
    expect(meeting.value.items).toHaveLength(6);
  });

  it('refuses a chief politely and stores nothing', async () => {
    const w = await world();
    const err = await rejection(importAgenda(w.deps, { forum: w.forum, actor: actor(members.culture), document: { text: agendaText } }));
    expect(err.code).toBe('forbidden');
    expect(await w.store.meetings.listByForum(FORUM_ID)).toEqual([]);
  });

  it('refuses a 10 MB text as too large, with the reason, and stores nothing', async () => {
    const w = await world();
    const huge = `${agendaText}\n${'Lorem ipsum dolor sit amet. '.repeat(380_000)}`;
    expect(huge.length).toBeGreaterThan(10_000_000);
    const err = await rejection(importAgenda(w.deps, { forum: w.forum, actor: actor(members.secretary), document: { text: huge } }));
    expect(err.code).toBe('too-large');
    expect(err.message).toMatch(/million characters/);
    expect(await w.store.meetings.listByForum(FORUM_ID)).toEqual([]);
  });

  it('refuses a document that is not an agenda, saying why, and stores nothing', async () => {
    const w = await world();
    const letter = 'Kære alle\n\nHusk julefrokosten på fredag.\n\nHilsen\nSune';
    const err = await rejection(importAgenda(w.deps, { forum: w.forum, actor: actor(members.secretary), document: { text: letter } }));
    expect(err.code).toBe('parse-failed');
    expect(err.message).toMatch(/no agenda items/i);
    const png = { name: 'billede.png', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array(200).fill(0)]) };
    expect((await rejection(importAgenda(w.deps, { forum: w.forum, actor: actor(members.secretary), document: png }))).code).toBe('parse-failed');
    expect(await w.store.meetings.listByForum(FORUM_ID)).toEqual([]);
  });
});

describe('scheduling and discarding an agenda', () => {
  it('schedules publishing at the given Copenhagen time, summer time included', async () => {
    const w = await world();
    await w.store.meetings.create(aMeeting());
    await scheduleAgenda(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1', actor: actor(members.secretary), at: { date: '2026-03-03', time: '08:00' } });
    let job = (await w.store.jobs.get(publishJobId('meeting-1')))?.value;
    expect(job).toMatchObject({ kind: 'publish-agenda', dueAt: '2026-03-03T07:00:00.000Z', status: 'pending' });
    await scheduleAgenda(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1', actor: actor(members.secretary), at: { date: '2026-06-01', time: '08:00' } });
    job = (await w.store.jobs.get(publishJobId('meeting-1')))?.value;
    expect(job?.dueAt).toBe('2026-06-01T06:00:00.000Z');
    expect((await w.store.jobs.listByForum(FORUM_ID)).filter((j) => j.kind === 'publish-agenda')).toHaveLength(1);
    const meeting = (await w.store.meetings.get(FORUM_ID, 'meeting-1'))?.value;
    expect(meeting).toMatchObject({ status: 'scheduled', publishAt: '2026-06-01T06:00:00.000Z' });
  });

  it('refuses a publishing time that has passed', async () => {
    const w = await world();
    await w.store.meetings.create(aMeeting());
    const err = await rejection(
      scheduleAgenda(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1', actor: actor(members.secretary), at: { date: '2026-03-02', time: '08:30' } }),
    );
    expect(err.code).toBe('invalid-input');
    expect(err.message).toMatch(/passed/);
    expect((await w.store.meetings.get(FORUM_ID, 'meeting-1'))?.value.status).toBe('draft');
  });

  it('discards a draft together with its publish job, but never a published agenda', async () => {
    const w = await world();
    await w.store.meetings.create(aMeeting());
    await scheduleAgenda(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1', actor: actor(members.secretary), at: { date: '2026-03-03', time: '08:00' } });
    await discardAgenda(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1', actor: actor(members.secretary) });
    expect(await w.store.meetings.get(FORUM_ID, 'meeting-1')).toBeNull();
    expect((await w.store.jobs.get(publishJobId('meeting-1')))?.value.status ?? 'cancelled').toBe('cancelled');

    await w.store.meetings.create(aMeeting({ id: 'meeting-2' }));
    await publishAgenda(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-2', actor: actor(members.secretary) });
    const err = await rejection(discardAgenda(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-2', actor: actor(members.secretary) }));
    expect(err.code).toBe('invalid-input');
    expect(await w.store.meetings.get(FORUM_ID, 'meeting-2')).not.toBeNull();
  });
});

describe('agenda out', () => {
  it('posts the overview and one card per item in the channel and remembers where', async () => {
    const w = await world();
    await w.store.meetings.create(aMeeting());
    const publication = await publishAgenda(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1', actor: actor(members.secretary) });
    const channel = w.channelPayloads();
    expect(channel).toHaveLength(5);
    expect(channel[0]).toContain('Ledelsesforum');
    expect(channel[0]).toContain('torsdag d. 5. marts 2026 kl. 09:00');
    expect(channel[1]).toContain('Ny model for borgerhenvendelser');
    expect(publication.overviewActivityId).toBeTruthy();
    expect(Object.keys(publication.itemActivityIds).sort()).toEqual(['1', '2', '3', '4']);
    expect((await w.store.meetings.get(FORUM_ID, 'meeting-1'))?.value.status).toBe('published');
  });

  it('shows a closed item in the channel only as "Lukket punkt" and sends its content 1:1 to every member', async () => {
    const w = await world();
    await w.store.meetings.create(aMeeting());
    await publishAgenda(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1' });
    const channel = w.channelPayloads().join('\n');
    expect(channel).toContain('Lukket punkt');
    expect(channel).not.toContain('FORTROLIGT');
    expect(channel).not.toContain('Hemmeligholdt');
    for (const m of Object.values(members)) {
      const cards = JSON.stringify(w.personalCards(m.userId));
      expect(cards).toContain('FORTROLIGT-INDHOLD');
    }
  });

  it('posts nothing twice when publishing is repeated', async () => {
    const w = await world();
    await w.store.meetings.create(aMeeting());
    const first = await publishAgenda(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1' });
    const sends = w.fake.sent().length;
    const second = await publishAgenda(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1', actor: actor(members.secretary) });
    expect(second).toEqual(first);
    expect(w.fake.sent()).toHaveLength(sends);
  });

  it('continues a publish that failed halfway without posting any card twice', async () => {
    const w = await world();
    await w.store.meetings.create(aMeeting());
    let sends = 0;
    w.fake.failNext(1, 503, { match: (r) => (r.kind === 'send' || r.kind === 'reply') && ++sends === 3 });
    const err = await rejection(publishAgenda(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1', actor: actor(members.secretary) }));
    expect(err.code).toBe('delivery-failed');
    expect(w.channelPayloads()).toHaveLength(2);
    expect((await w.store.meetings.get(FORUM_ID, 'meeting-1'))?.value.status).toBe('draft');
    await publishAgenda(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1', actor: actor(members.secretary) });
    // Overview + 4 items: the two cards posted before the failure were not posted again.
    expect(w.channelPayloads()).toHaveLength(5);
    const publication = (await w.store.meetings.get(FORUM_ID, 'meeting-1'))?.value.publication;
    expect(new Set(Object.values(publication?.itemActivityIds ?? {})).size).toBe(4);
  });

  it('lets only the secretary or chair publish', async () => {
    const w = await world();
    await w.store.meetings.create(aMeeting());
    const err = await rejection(publishAgenda(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1', actor: actor(members.tech) }));
    expect(err.code).toBe('forbidden');
    expect(w.fake.sent()).toEqual([]);
  });
});

describe('publishing after the click has been answered', () => {
  const sends = (r: { kind: string }) => r.kind === 'send';

  it('answers before the cards are out, then posts every card exactly once and updates the answer', async () => {
    const w = await world();
    await w.store.meetings.create(aMeeting());
    const target = await anAnswerInChannel(w);
    w.fake.delayNext(3, 400, sends);
    const requested = await requestPublish(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1', actor: actor(members.secretary), answer: async () => target });
    expect(requested.alreadyPublished).toBe(false);
    const cardsSent = () => w.fake.sent().filter((s) => s.kind === 'send' && s.activityId !== target.activityId);
    // Answered: the overview and the four item cards are not all out yet.
    expect(cardsSent().length).toBeLessThan(1 + 4);
    await requested.done;
    const texts = cardsSent().map((s) => JSON.stringify(s.activity));
    expect(texts.filter((c) => c.includes('AdaptiveCard'))).toHaveLength(5 + 5); // channel: overview + 4 items; 1:1: the closed item to 5 members
    for (const n of [1, 2, 4]) expect(texts.filter((c) => c.includes(`Anledning til punkt ${n}.`))).toHaveLength(1);
    expect(texts.filter((c) => c.includes('FORTROLIGT-INDHOLD'))).toHaveLength(5);
    expect((await w.store.meetings.get(FORUM_ID, 'meeting-1'))?.value.status).toBe('published');
    expect((await w.store.jobs.get(publishJobId('meeting-1')))?.value.status).toBe('done');
    expect(JSON.stringify(w.fake.activity(target.activityId))).toContain('Dagsordenen er offentliggjort');
    const audit = (await w.store.audit.listByForum(FORUM_ID)).find((a) => a.action === 'agenda.publish');
    expect(audit?.actorUserId).toBe(members.secretary.userId);
  });

  it('leaves a publish that Teams keeps refusing to the next sweep, which finishes it without posting anything twice', async () => {
    const w = await world();
    await w.store.meetings.create(aMeeting());
    // The third card is throttled past the delivery's own retries: the job is put back for later.
    const third = (r: { kind: string }) => r.kind === 'send' && w.fake.sent().length >= 2;
    w.fake.failNext(6, 429, { headers: { 'Retry-After': '0' }, match: third });
    const requested = await requestPublish(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1', actor: actor(members.secretary) });
    await requested.done;
    const job = (await w.store.jobs.get(publishJobId('meeting-1')))?.value;
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(w.channelPayloads()).toHaveLength(2);
    w.clock.set(new Date(Date.parse(job!.dueAt) + 1000).toISOString());
    const swept = await sweepOnce(w.deps, { owner: 'next-sweep' });
    expect(swept.completed).toBe(1);
    const cards = w.fake.sent().filter((s) => s.conversationId === TEST_CHANNEL.id && s.kind === 'send');
    expect(cards).toHaveLength(5);
    expect((await w.store.meetings.get(FORUM_ID, 'meeting-1'))?.value.status).toBe('published');
  });

  it('tells the secretary in the answer and with a notice when publishing fails for good', async () => {
    const w = await world();
    await w.store.meetings.create(aMeeting());
    const target = await anAnswerInChannel(w);
    w.fake.failNext(1, 403, { match: (r) => r.kind === 'send' });
    const requested = await requestPublish(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1', actor: actor(members.secretary), answer: async () => target });
    await requested.done;
    expect((await w.store.jobs.get(publishJobId('meeting-1')))?.value.status).toBe('failed');
    const answer = JSON.stringify(w.fake.activity(target.activityId));
    expect(answer).toContain('Dagsordenen kunne ikke lægges i kanalen');
    expect(answer).toContain('agenda.publish'); // the buttons are back, to try again
    const notices = (await w.store.jobs.listByForum(FORUM_ID)).filter((j) => j.kind === 'digest' && j.payload.type === 'notice');
    expect(notices).toHaveLength(1);
    expect((await w.store.meetings.get(FORUM_ID, 'meeting-1'))?.value.status).toBe('draft');
  });

  it('refuses a chief before anything is scheduled', async () => {
    const w = await world();
    await w.store.meetings.create(aMeeting());
    const err = await rejection(requestPublish(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1', actor: actor(members.tech) }));
    expect(err.code).toBe('forbidden');
    expect(await w.store.jobs.get(publishJobId('meeting-1'))).toBeNull();
  });
});
