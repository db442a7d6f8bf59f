/**
 * The forum's everyday deadline words (issue 13): weekdays, "i næste uge", holidays and seasons,
 * "til næste møde". Meeting: Tuesday 12 March 2024. Precision first: no date where the words are vague.
 */
import type { AgendaItem } from '../../src/domain';
import { findDueDates, parseDanishDue, suggestFollowUps } from '../../src/minutes';
import { aBareItem } from '../support/agenda-items';

const meetingDate = '2024-03-12';
const item: AgendaItem = aBareItem(4, 'Budgetproces', { prefix: 'LM' });
const suggest = (decision: string, opts = {}) => suggestFollowUps(item, meetingDate, opts, decision);
const dueOf = (decision: string, opts = {}) => {
  const [f] = suggest(decision, opts);
  return f?.due ? [f.due.dueFrom, f.due.due, f.due.precision, f.due.text] : null;
};

describe('everyday deadline words in decisions', () => {
  it('suggests "Sekretariatet retter referatet ... senest fredag" as the secretariat’s task due the Friday after the meeting', () => {
    const [f] = suggest('Sekretariatet retter referatet efter mødets bemærkninger og sender det ud senest fredag.');
    expect(f).toMatchObject({ kind: 'task', owner: { kind: 'role', name: 'Sekretariatet' } });
    expect(f.due).toEqual({ dueFrom: '2024-03-15', due: '2024-03-15', precision: 'day', text: 'senest fredag' });
  });

  it.each([
    ['Kultur & Fritid sender udkastet rundt på mandag.', ['2024-03-18', '2024-03-18', 'day', 'på mandag']],
    ['Økonomi udarbejder et notat senest tirsdag.', ['2024-03-19', '2024-03-19', 'day', 'senest tirsdag']],
    ['Miljø & Teknik undersøger sagen inden torsdag.', ['2024-03-13', '2024-03-13', 'day', 'inden torsdag']],
    ['Økonomi udarbejder et notat i næste uge.', ['2024-03-18', '2024-03-22', 'week', 'i næste uge']],
    ['HR sender en status i løbet af næste uge.', ['2024-03-18', '2024-03-22', 'week', 'i løbet af næste uge']],
    ['Miljø & Teknik undersøger sagen inden jul.', ['2024-12-01', '2024-12-23', 'season', 'inden jul']],
    ['HR udarbejder retningslinjer før sommerferien.', ['2024-06-01', '2024-06-30', 'season', 'før sommerferien']],
    ['Økonomi følger op i løbet af foråret.', ['2024-03-01', '2024-05-31', 'season', 'i løbet af foråret']],
  ])('"%s"', (sentence, expected) => {
    expect(dueOf(sentence)).toEqual(expected);
  });

  it('takes "til næste møde" as the next meeting’s date when it is known, and gives no date when it is not', () => {
    const sentence = 'Sagen sendes tilbage til næste møde.';
    expect(dueOf(sentence, { nextMeetingDate: '2024-04-09' })).toEqual(['2024-04-09', '2024-04-09', 'day', 'til næste møde']);
    const [f] = suggest(sentence);
    expect(f.kind).toBe('return-to-forum');
    expect(f.due).toBeNull();
  });

  it('gives no date where the words are vague or not a deadline', () => {
    expect(findDueDates('Fredag var der møde i styregruppen.', meetingDate)).toEqual([]);
    expect(findDueDates('Referatet fra mødet i fredags blev godkendt.', meetingDate)).toEqual([]);
    expect(findDueDates('Økonomi vender tilbage snart.', meetingDate)).toEqual([]);
    expect(findDueDates('Mødet holdes fredag d. 15. marts.', meetingDate).map((d) => d.due.text)).toEqual(['d. 15. marts']);
  });

  it('reads the words alone in the due field too', () => {
    expect(parseDanishDue('senest fredag', meetingDate)).toMatchObject({ due: '2024-03-15', text: 'senest fredag' });
    expect(parseDanishDue('i næste uge', meetingDate)).toMatchObject({ dueFrom: '2024-03-18', due: '2024-03-22', precision: 'week' });
  });
});
