/** The reminder, check-in and digest cards: valid Adaptive Cards 1.5 for Teams, Danish and English, within budget. */
import { CARD_BUDGET_BYTES, cardSize } from '../../src/cards/render';
import { checkInCard, type DigestView, digestCard, type FollowUpRowView, reminderCard } from '../../src/cards/reminders';
import { cardProblems, jsonOf, verbsOf } from '../cards/validate';

function row(i: number, over: Partial<FollowUpRowView> = {}): FollowUpRowView {
  return {
    forumId: 'forum-1',
    followUpId: `fu-${i}`,
    text: `Kultur & Fritid udarbejder et oplæg om æbleplantager og ålekvoter nr. ${i}`,
    forumName: 'Ledelsesforum',
    meetingDate: '2026-03-03',
    itemHeading: `Punkt ${i}: Ny cykelstrategi`,
    owner: 'Kultur & Fritid',
    delegated: false,
    due: { due: '2027-04-20', dueFrom: '2027-04-11', precision: 'month-part', text: 'medio april' },
    daysLeft: 7,
    state: 'open',
    stateDate: null,
    ...over,
  };
}

describe('reminder cards', () => {
  it('shows the follow-up, its meeting and item, the original due words and three answers', () => {
    const card = reminderCard('da', { jobId: 'reminder-1', rows: [row(1)] });
    expect(cardProblems(card)).toEqual([]);
    const json = jsonOf(card);
    expect(json).toContain('Ledelsesforum 3. marts 2026 · Punkt 1: Ny cykelstrategi');
    expect(json).toContain('Frist: medio april (20. april 2027) · Frist om 7 dage');
    expect(verbsOf(card)).toEqual(['followup.done', 'followup.postpone', 'followup.snooze']);
    expect(json).toContain('Påmind mig i morgen');
  });

  it('is in English when the locale is English, and flags what is overdue', () => {
    const card = reminderCard('en', { jobId: 'r', rows: [row(1, { daysLeft: -3 })] });
    const json = jsonOf(card);
    expect(json).toContain('Overdue by 3 days');
    expect(json).toContain('Remind me tomorrow');
    expect(json).not.toContain('Påmind');
  });

  it('gives each row its own date input so a bundle of several stays a valid card', () => {
    const card = reminderCard('da', { jobId: 'r', rows: [row(1), row(2), row(3)] });
    expect(cardProblems(card, { reason_0: 'x', reason_1: 'y', reason_2: 'z' })).toEqual([]);
    expect(jsonOf(card)).toContain('"id":"newDate_2"');
  });

  it('keeps a bundle of 60 follow-ups under the 28 KB budget by saying how many more there are', () => {
    const card = reminderCard('da', { jobId: 'r', rows: Array.from({ length: 60 }, (_, i) => row(i)) });
    expect(cardSize(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(jsonOf(card)).toMatch(/… og \d+ mere/);
  });

  it('shows an answered row without buttons once it is done', () => {
    const card = reminderCard('da', { jobId: 'r', rows: [row(1, { state: 'done' }), row(2, { state: 'postponed', stateDate: '2026-04-01' })] });
    expect(jsonOf(card)).toContain('✓ Udført');
    expect(jsonOf(card)).toContain('Udsat til 1. april 2026');
    expect(verbsOf(card).filter((v) => v === 'followup.done')).toHaveLength(1);
  });
});

describe('check-in and digest cards', () => {
  it('asks "på sporet / forsinket / udført" for each open follow-up before the meeting', () => {
    const card = checkInCard('da', { jobId: 'c', meetingDate: '2026-03-24', rows: [row(1), row(2)] });
    expect(cardProblems(card)).toEqual([]);
    expect(jsonOf(card)).toContain('Inden mødet 24. marts 2026');
    expect(verbsOf(card).filter((v) => v === 'checkin.answer')).toHaveLength(6);
  });

  it('lists the digest by owner with counts, and fits the budget with 500 follow-ups', () => {
    const view: DigestView = {
      forumName: 'Ledelsesforum',
      weekNumber: 11,
      weekStart: '2026-03-09',
      counts: { open: 500, dueThisWeek: 3, overdue: 2, postponed: 1 },
      owners: ['Kultur & Fritid', 'Miljø & Teknik'].map((owner) => ({
        owner,
        rows: Array.from({ length: 250 }, (_, i) => ({
          text: `Opgave ${i}`,
          due: null,
          overdue: i === 0,
          dueThisWeek: false,
          postponements: 0,
          undeliverable: false,
          checkIn: null,
        })),
      })),
    };
    const card = digestCard('da', view);
    expect(cardProblems(card)).toEqual([]);
    expect(cardSize(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(jsonOf(card)).toContain('Uge 11 · 9. marts 2026');
    expect(jsonOf(card)).toContain('Kultur & Fritid (250)');
    expect(jsonOf(card)).toMatch(/… og \d+ mere/);
  });
});
