import { cascadeCard, followUpListCard, minutesCard, returnItemsCard, summaryCard } from '../../src/cards';
import { cards as catalog } from '../../src/i18n/messages/cards';
import { aDecision, aFollowUp, meeting, receipts, SECRET } from './samples';
import { allOfType, cardProblems } from './validate';

describe('summary card', () => {
  const decisions = [aDecision(1), aDecision(5, { text: `Besluttet ${SECRET}` })];
  const followUps = [
    aFollowUp('f1'),
    aFollowUp('f5', { itemNumber: 5, text: `Opgave ${SECRET}` }),
    aFollowUp('fs', { status: 'suggested', text: 'Kun et forslag' }),
  ];
  const json = JSON.stringify(summaryCard(meeting, decisions, meeting.communications, followUps, receipts, 'da'));

  it('shows the decision of every open item and closed items as "Lukket punkt" only', () => {
    expect(json).toContain('Punkt 1: Ny cykelstrategi for Nordby 1');
    expect(json).toContain('skolevejene prioriteres');
    expect(json).toContain('Punkt 5: Lukket punkt');
    expect(json).toContain('Ingen beslutning registreret');
    expect(json).not.toContain(SECRET);
  });

  it('lists the messages, the confirmed follow-ups with owner and due date, and who has confirmed', () => {
    expect(json).toContain('Ny cykelstrategi er vedtaget.');
    expect(json).toContain('Må tidligst gives videre 21. oktober 2019 · Til: Stab');
    expect(json).toContain('Ansvarlig: Miljø & Teknik · Frist: medio november (20. november 2019)');
    expect(json).not.toContain('Kun et forslag');
    expect(json).toContain('1 af 2 har bekræftet');
    expect(json).toContain('Bekræftet: Bo Berg');
    expect(json).toContain('Mangler: Else Eg');
  });
});

describe('cascade card', () => {
  it('asks the chief to confirm with "Videregivet til afdelingen" until they have', () => {
    const open = cascadeCard(meeting, meeting.communications, [aFollowUp('f1')], false, 'da');
    const button = allOfType(open, 'Action.Execute').find((a) => a.verb === 'cascade.confirm');
    expect(button).toMatchObject({ title: 'Videregivet til afdelingen', data: { forumId: 'forum-1', meetingId: 'meeting-1' } });
    const done = cascadeCard(meeting, meeting.communications, [], true, 'da');
    expect(allOfType(done, 'Action.Execute').filter((a) => a.verb === 'cascade.confirm')).toEqual([]);
    expect(JSON.stringify(done)).toContain('Du har bekræftet');
  });
});

describe('follow-up lists', () => {
  it('flag overdue follow-ups and offer done and postpone per row', () => {
    const card = followUpListCard(
      'Mine opgaver',
      [aFollowUp('a'), aFollowUp('b', { due: { due: '2030-01-01', dueFrom: '2030-01-01', precision: 'day', text: '' } })],
      'da',
      {
        today: '2019-12-01',
        actions: 'done-postpone',
      },
    );
    const json = JSON.stringify(card);
    expect(json.match(/Overskredet/g)).toHaveLength(1);
    expect(allOfType(card, 'Action.Execute').filter((a) => a.verb === 'followup.done')).toHaveLength(2);
    expect(cardProblems(card)).toEqual([]);
  });

  it('hide the text of follow-ups from closed items in the channel', () => {
    const fu = aFollowUp('x', { itemNumber: 5, text: SECRET });
    const channel = followUpListCard('Frister', [fu], 'da', { audience: 'channel', closedItems: [{ meetingId: 'meeting-1', itemNumber: 5 }] });
    expect(JSON.stringify(channel)).not.toContain(SECRET);
    expect(JSON.stringify(channel)).toContain('Opfølgning på et lukket punkt');
    expect(JSON.stringify(followUpListCard('Mine opgaver', [fu], 'da'))).toContain(SECRET);
  });

  it('propose only return-to-forum follow-ups for the next agenda', () => {
    const json = JSON.stringify(
      returnItemsCard([aFollowUp('a'), aFollowUp('r', { kind: 'return-to-forum', text: 'Tilbage i september' })], 'da', '2019-09-12'),
    );
    expect(json).toContain('Tilbage i september');
    expect(json).not.toContain('Plan for skoleveje');
    expect(json).toContain('Foreslået til dagsordenen for mødet 12. september 2019.');
  });
});

describe('minutes card', () => {
  it('links only https files', () => {
    const card = minutesCard(
      meeting,
      {
        decisions: 1,
        followUps: 2,
        files: [
          { name: 'a.docx', url: 'https://x/a.docx' },
          { name: 'b', url: 'javascript:alert(1)' },
        ],
      },
      'da',
    );
    expect(allOfType(card, 'Action.OpenUrl').map((a) => a.url)).toEqual(['https://x/a.docx']);
  });
});

describe('card texts', () => {
  it('exist in Danish and English with the same keys and placeholders', () => {
    expect(Object.keys(catalog.en).sort()).toEqual(Object.keys(catalog.da).sort());
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(catalog.da)) expect([key, placeholders(catalog.en[key])]).toEqual([key, placeholders(catalog.da[key])]);
  });
});
