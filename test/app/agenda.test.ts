import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importAgenda } from '../../src/app/import-agenda';
import { publishAgenda } from '../../src/app/publish-agenda';
import { discardAgenda, publishJobId, scheduleAgenda } from '../../src/app/schedule-agenda';
import { AppError } from '../../src/domain';
import { actor, aMeeting, FORUM_ID, members, useWorld } from './world';

const agendaText = readFileSync(path.resolve(__dirname, '..', 'fixtures', 'lifecycle-agenda.md'), 'utf8');
const world = useWorld();

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

describe('agenda in', () => {
  it('stores the secretary’s pasted agenda as a draft meeting with its items', async () => {
    const w = await world();
    const { meeting, warnings } = await importAgenda(w.deps, { forum: w.forum, actor: actor(members.secretary), document: { text: agendaText } });
    expect(warnings).toEqual([]);
    expect(meeting.value).toMatchObject({ status: 'draft', date: '2026-03-05', start: '09:00', forumId: FORUM_ID });
    expect(meeting.value.items.map((i) => i.title)).toContain('Ny model for borgerhenvendelser');
    expect((await w.store.meetings.get(FORUM_ID, meeting.value.id))?.value.items).toHaveLength(6);
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
    expect(err.message).toMatch(/header/i);
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
