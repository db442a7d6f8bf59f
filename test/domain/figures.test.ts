import { doneBetween, lastMeetings, lastQuarter, onTimeShare, openByGroup, openByState, outcomeOf, outcomesByMeeting } from '../../src/domain/figures';
import { addDays } from '../../src/domain/calendar';
import { FIGURES, figuresForum, followUps, LAST_DIGEST, meetings, NOW, TODAY } from '../support/figures-forum';

const weekEnd = addDays(TODAY, 6);
const byId = (id: string) => followUps.find((f) => f.id === id)!;

describe('follow-up figures from the follow-ups’ own history', () => {
  it('a follow-up postponed and then done after its agreed date is late, even before the new date', () => {
    expect(outcomeOf(byId('b2'))).toBe('late');
    expect(outcomeOf(byId('b1'))).toBe('on-time'); // done on the due date itself
    expect(outcomeOf(byId('a3'))).toBe('dismissed');
    expect(outcomeOf(byId('d2'))).toBe('open');
  });

  it('open follow-ups by state add up to the open follow-ups, each counted once', () => {
    const counts = openByState(followUps, TODAY, weekEnd);
    expect(counts).toEqual(FIGURES.open);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(FIGURES.openTotal);
  });

  it('counts what was done since the last digest', () => {
    expect(doneBetween(followUps, LAST_DIGEST, NOW)).toBe(FIGURES.doneSinceLastDigest);
  });

  it('groups open follow-ups by department, owners who are members under their department', () => {
    expect(openByGroup(followUps, figuresForum, TODAY, weekEnd, 'Uden afdeling')).toEqual(FIGURES.byDepartment);
  });

  it('groups by owner when the forum has no departments', () => {
    const groups = openByGroup(followUps, { ...figuresForum, departments: [] }, TODAY, weekEnd, 'Ingen ansvarlig');
    expect(groups.map((g) => [g.name, g.total])).toEqual([
      ['Kultur & Fritid', 3],
      ['Miljø & Teknik', 2],
      ['Bo Berg', 1],
      ['Stab', 1],
    ]);
  });

  it('takes the last six meetings held, oldest first, and counts each one’s outcomes', () => {
    const six = lastMeetings(meetings, TODAY);
    expect(six.map((m) => m.id)).toEqual(['M1', 'M2', 'M3', 'M4', 'M5', 'M6']);
    const rows = outcomesByMeeting(followUps, six);
    expect(Object.fromEntries(rows.map((r) => [r.meetingId, r.counts]))).toEqual(FIGURES.byMeeting);
    expect(rows.find((r) => r.meetingId === 'M6')!.total).toBe(3); // the suggested one is not counted
  });

  it('done on time over the last quarter: agreed due dates in the three months before today', () => {
    expect(lastQuarter(TODAY)).toEqual({ from: '2026-06-07', to: '2026-09-06' });
    expect(onTimeShare(followUps, TODAY)).toEqual(FIGURES.quarter);
    expect(onTimeShare([], TODAY)).toEqual({ onTime: 0, total: 0, percent: null });
  });

  it('reads older records without history fields from updatedAt', () => {
    const { resolvedAt: _, ...old } = byId('a2');
    expect(outcomeOf({ ...old, updatedAt: '2026-06-19T09:00:00.000Z' })).toBe('on-time');
    expect(outcomeOf(old)).toBe('late');
  });
});
