import { useAzurite } from '../support/azurite';
import { aMeeting, anItem, longDanishText } from './builders';

describe('meeting store on Azurite', () => {
  const azurite = useAzurite();

  it('stores a meeting with its items and reads it back unchanged', async () => {
    const store = await azurite.newStore();
    const meeting = aMeeting({ communications: [{ id: 'c1', text: 'Nyt om ø-tilskud', notBefore: null, notBeforeText: null, departments: [] }] });
    const created = await store.meetings.create(meeting);
    const read = await store.meetings.get('forum-1', 'meeting-1');
    expect(read).toEqual({ value: meeting, etag: created.etag });
  });

  it('keeps a 300 KB Sagsfremstilling intact', async () => {
    const store = await azurite.newStore();
    const body = longDanishText(300_000);
    const meeting = aMeeting({ items: [anItem(1, { sections: [{ kind: 'case', heading: 'Sagsfremstilling', body }] }), anItem(2)] });
    await store.meetings.create(meeting);
    const read = await store.meetings.get('forum-1', 'meeting-1');
    expect(read?.value.items[0].sections[0].body).toBe(body);
    expect(read?.value).toEqual(meeting);
  });

  it('keeps a 1,000-item meeting intact through create and update', async () => {
    const store = await azurite.newStore();
    const items = Array.from({ length: 1000 }, (_, i) => anItem(i + 1));
    const meeting = aMeeting({ items });
    const { etag } = await store.meetings.create(meeting);
    expect((await store.meetings.get('forum-1', 'meeting-1'))?.value).toEqual(meeting);
    const changed = { ...meeting, status: 'published' as const, items: items.slice(0, 999).map((i) => ({ ...i, title: `${i.title} (ændret)` })) };
    await store.meetings.update(changed, etag);
    const read = await store.meetings.get('forum-1', 'meeting-1');
    expect(read?.value).toEqual(changed);
    expect((await store.meetings.listByForum('forum-1'))[0]).toMatchObject({ itemCount: 999, status: 'published' });
  });

  it('rejects an update with a stale etag and keeps the newer meeting, small or large', async () => {
    const store = await azurite.newStore();
    for (const size of [3, 150]) {
      const id = `m-${size}`;
      const meeting = aMeeting({ id, items: Array.from({ length: size }, (_, i) => anItem(i + 1)) });
      const { etag } = await store.meetings.create(meeting);
      const first = { ...meeting, location: 'Byrådssalen' };
      await store.meetings.update(first, etag);
      await expect(store.meetings.update({ ...meeting, location: 'Kantinen' }, etag)).rejects.toMatchObject({ code: 'conflict' });
      expect((await store.meetings.get('forum-1', id))?.value).toEqual(first);
    }
  });

  it('hands back an etag that the next update can use, small or large', async () => {
    const store = await azurite.newStore();
    for (const size of [2, 140]) {
      const meeting = aMeeting({ id: `chain-${size}`, items: Array.from({ length: size }, (_, i) => anItem(i + 1)) });
      let { etag } = await store.meetings.create(meeting);
      for (const status of ['scheduled', 'published', 'closed'] as const) {
        ({ etag } = await store.meetings.update({ ...meeting, status }, etag));
      }
      expect(await store.meetings.get('forum-1', meeting.id)).toEqual({ value: { ...meeting, status: 'closed' }, etag });
    }
  });

  it('refuses to create a meeting twice', async () => {
    const store = await azurite.newStore();
    await store.meetings.create(aMeeting());
    await expect(store.meetings.create(aMeeting())).rejects.toMatchObject({ code: 'conflict' });
    const big = aMeeting({ id: 'big', items: Array.from({ length: 120 }, (_, i) => anItem(i + 1)) });
    await store.meetings.create(big);
    await expect(store.meetings.create(big)).rejects.toMatchObject({ code: 'conflict' });
    expect((await store.meetings.get('forum-1', 'big'))?.value).toEqual(big);
  });

  it('lists a forum’s meetings newest first, and forgets a deleted one', async () => {
    const store = await azurite.newStore();
    await store.meetings.create(aMeeting({ id: 'a', date: '2026-01-10' }));
    await store.meetings.create(aMeeting({ id: 'b', date: '2026-03-10', items: Array.from({ length: 130 }, (_, i) => anItem(i + 1)) }));
    await store.meetings.create(aMeeting({ id: 'c', date: '2026-02-10' }));
    await store.meetings.create(aMeeting({ id: 'other-forum', forumId: 'forum-2' }));
    expect((await store.meetings.listByForum('forum-1')).map((m) => m.id)).toEqual(['b', 'c', 'a']);
    await store.meetings.delete('forum-1', 'b');
    expect(await store.meetings.get('forum-1', 'b')).toBeNull();
    expect((await store.meetings.listByForum('forum-1')).map((m) => m.id)).toEqual(['c', 'a']);
  });

  it('never shows a half-written meeting to a reader during a large update', async () => {
    const store = await azurite.newStore();
    const v1 = aMeeting({ items: Array.from({ length: 300 }, (_, i) => anItem(i + 1, { title: 'v1' })) });
    const { etag } = await store.meetings.create(v1);
    const v2 = { ...v1, items: v1.items.map((i) => ({ ...i, title: 'v2' })) };
    const writing = store.meetings.update(v2, etag);
    const reads = await Promise.all([0, 1, 2, 3].map(() => store.meetings.get('forum-1', 'meeting-1')));
    await writing;
    for (const r of reads) {
      const titles = new Set(r?.value.items.map((i) => i.title));
      expect(titles.size).toBe(1);
      expect(r?.value.items).toHaveLength(300);
    }
  });
});

describe('meeting rows stay within Azure Table limits', () => {
  const azurite = useAzurite();

  it('spreads a 1.5 million character item over several rows, each under 1 MiB and 32K characters a property', async () => {
    const { contentRows } = await import('../../src/store/tables/meeting-rows');
    const { entityBytes, MAX_ENTITY_BYTES } = await import('../../src/store/tables/codec');
    const body = longDanishText(1_500_000);
    const meeting = aMeeting({ items: [anItem(1, { sections: [{ kind: 'case', heading: 'Sagsfremstilling', body }] })] });
    const rows = contentRows(meeting, 'v');
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) {
      expect(entityBytes(row)).toBeLessThan(MAX_ENTITY_BYTES);
      for (const value of Object.values(row)) expect(value.length).toBeLessThanOrEqual(32_000);
    }
    const store = await azurite.newStore();
    await store.meetings.create(meeting);
    expect((await store.meetings.get('forum-1', 'meeting-1'))?.value.items[0].sections[0].body).toBe(body);
  });
});
