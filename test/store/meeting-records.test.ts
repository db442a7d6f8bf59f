import { useAzurite } from '../support/azurite';
import { aDecision, aReceipt, aResponse, longDanishText } from './builders';

describe('decisions, responses and cascade receipts on Azurite', () => {
  const azurite = useAzurite();

  it('records a decision once; a second "first" decision is a conflict', async () => {
    const store = await azurite.newStore();
    await store.decisions.save(aDecision(), null);
    await expect(store.decisions.save(aDecision({ text: 'Udsat.' }), null)).rejects.toMatchObject({ code: 'conflict' });
    expect((await store.decisions.get('meeting-1', 1))?.value.text).toBe('Godkendt.');
  });

  it('keeps each replaced decision in the history, oldest first', async () => {
    const store = await azurite.newStore();
    const v1 = await store.decisions.save(aDecision({ text: 'Første' }), null);
    const v2 = await store.decisions.save(aDecision({ text: 'Anden' }), v1.etag);
    await store.decisions.save(aDecision({ text: 'Tredje' }), v2.etag);
    expect((await store.decisions.get('meeting-1', 1))?.value.text).toBe('Tredje');
    expect((await store.decisions.history('meeting-1', 1)).map((d) => d.text)).toEqual(['Første', 'Anden']);
  });

  it('lets one of two secretaries editing the same decision win; the other gets a conflict and nothing is lost', async () => {
    const store = await azurite.newStore();
    const v1 = await store.decisions.save(aDecision({ text: 'Udkast' }), null);
    const results = await Promise.allSettled([
      store.decisions.save(aDecision({ text: 'Sekretær A' }), v1.etag),
      store.decisions.save(aDecision({ text: 'Sekretær B' }), v1.etag),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost?.reason.code).toBe('conflict');
    const current = (await store.decisions.get('meeting-1', 1))?.value.text;
    expect(['Sekretær A', 'Sekretær B']).toContain(current);
    expect((await store.decisions.history('meeting-1', 1)).map((d) => d.text)).toEqual(['Udkast']);
  });

  it('lists the decisions of a meeting by item number, with long texts intact', async () => {
    const store = await azurite.newStore();
    const long = longDanishText(100_000);
    await store.decisions.save(aDecision({ itemNumber: 12, text: long }), null);
    await store.decisions.save(aDecision({ itemNumber: 3 }), null);
    await store.decisions.save(aDecision({ meetingId: 'other', itemNumber: 1 }), null);
    const list = await store.decisions.listByMeeting('meeting-1');
    expect(list.map((d) => d.itemNumber)).toEqual([3, 12]);
    expect(list[1].text).toBe(long);
  });

  it('replaces a chief’s response to an item when they edit it', async () => {
    const store = await azurite.newStore();
    await store.responses.upsert(aResponse());
    await store.responses.upsert(aResponse({ comment: 'Ændret: vi ønsker drøftelse', wantsDiscussion: true }));
    await store.responses.upsert(aResponse({ userId: `29:o'/#?`, userName: 'Ø' }));
    const list = await store.responses.listByMeeting('meeting-1');
    expect(list).toHaveLength(2);
    expect(list.find((r) => r.userId === '29:chief-a')?.comment).toBe('Ændret: vi ønsker drøftelse');
  });

  it('confirms a cascade receipt only with the current etag', async () => {
    const store = await azurite.newStore();
    const first = await store.cascade.save(aReceipt({ confirmedAt: null }), null);
    await expect(store.cascade.save(aReceipt(), null)).rejects.toMatchObject({ code: 'conflict' });
    const confirmed = await store.cascade.save(aReceipt({ confirmedAt: '2026-03-11T08:00:00.000Z' }), first.etag);
    await expect(store.cascade.save(aReceipt({ undeliverable: true }), first.etag)).rejects.toMatchObject({ code: 'conflict' });
    expect(await store.cascade.get('meeting-1', '29:chief-a')).toEqual(confirmed);
    expect(await store.cascade.listByMeeting('meeting-1')).toEqual([confirmed.value]);
  });
});
