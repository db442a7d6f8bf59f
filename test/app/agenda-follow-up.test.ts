/** The next agenda's "Opfølgning på beslutninger" item, published to the channel, draws the figures of the meeting since the last one. */
import { publishAgenda } from '../../src/app/publish-agenda';
import type { FollowUp } from '../../src/domain';
import { aFollowUp } from '../cards/samples';
import { anItem } from '../support/agenda-items';
import { withFallbacks } from '../cards/validate';
import { aMeeting, FORUM_ID, useWorld } from './world';

const world = useWorld();
const day = (d: string) => ({ due: d, dueFrom: d, precision: 'day' as const, text: d });
const fu = (id: string, over: Partial<FollowUp>) => aFollowUp(id, { forumId: FORUM_ID, meetingId: 'prev', ...over });

describe('"Opfølgning på beslutninger" on the published agenda', () => {
  it('shows the last meeting’s follow-ups (on time, late, open, dismissed) and the quarter’s share, with text fallbacks', async () => {
    const w = await world();
    await w.store.meetings.create(aMeeting({ id: 'prev', date: '2026-02-19', status: 'closed', items: [anItem(1, 'Budget')] }));
    await w.store.followUps.createMany([
      fu('on-time', { due: day('2026-02-20'), status: 'done', resolvedAt: '2026-02-20T10:00:00.000Z' }),
      fu('late', { due: day('2026-02-23'), status: 'done', resolvedAt: '2026-02-25T10:00:00.000Z' }),
      fu('open', { due: day('2026-02-27') }),
      fu('gone', { due: day('2026-02-27'), status: 'dismissed', resolvedAt: '2026-02-21T10:00:00.000Z' }),
    ]);
    const agenda = aMeeting();
    agenda.items.splice(1, 0, anItem(2, 'Opfølgning på beslutninger', { sections: [], proposals: [] }));
    agenda.items = agenda.items.map((item, i) => ({ ...item, number: i + 1 }));
    await w.store.meetings.create(agenda);
    const publication = await publishAgenda(w.deps, { forumId: FORUM_ID, meetingId: 'meeting-1' });

    const itemCard = JSON.parse(w.channelPayloads().find((p) => p.includes('Opfølgning på beslutninger') && p.includes('Chart.'))!);
    expect(publication.itemActivityIds['2']).toBeDefined();
    const card = itemCard.attachments[0].content;
    const text = JSON.stringify(card);
    expect(text).toContain('"type":"Chart.HorizontalBar.Stacked"');
    expect(text).toContain('"title":"Møde 19. februar 2026"');
    // Due in the quarter before 2 March: on-time, late, open (gone is dismissed): 1 of 3 on time.
    expect(text).toContain('"type":"Chart.Gauge","title":"Udført til tiden, seneste kvartal","value":33');
    expect(JSON.stringify(withFallbacks(card))).toContain('Til tiden: 1 · For sent: 1 · Stadig åbne: 1 · Udgået: 1');
    // Other items carry no charts.
    const others = w.channelPayloads().filter((p) => p.includes('Ny model for borgerhenvendelser'));
    expect(others.length).toBeGreaterThan(0);
    for (const p of others) if (!p.includes('Opfølgning på beslutninger')) expect(p).not.toContain('Chart.');
  });
});
