import type { AgendaItem } from '../../src/domain';
import { parseCommunicationLines, suggestFollowUps } from '../../src/minutes';
import { aBareItem } from '../support/agenda-items';

function anItem(overrides: Partial<AgendaItem> = {}): AgendaItem {
  return aBareItem(4, 'Budgetproces', { prefix: 'LM', ...overrides });
}

const meetingDate = '2024-03-12';
const suggest = (decision: string, opts = {}) => suggestFollowUps(anItem(), meetingDate, opts, decision);

describe('follow-up suggestions from a typed decision', () => {
  it('names a department written out, or by the initials of a configured one', () => {
    const departments = ['Økonomi & Kontrol', 'Miljø & Teknik'];
    expect(suggest('Miljø & Teknik udarbejder en plan.')[0].owner).toEqual({ kind: 'department', name: 'Miljø & Teknik' });
    expect(suggest('M&T udarbejder en plan.', { departments })[0].owner).toEqual({ kind: 'department', name: 'Miljø & Teknik' });
    expect(suggest('ØK bør sende en skabelon.', { departments })[0].owner).toEqual({ kind: 'department', name: 'Økonomi & Kontrol' });
  });

  it('makes a forum member the owner when the name is one of theirs', () => {
    const [f] = suggest('Hanne Lund sender oversigten til alle senest d. 1. april.', { memberNames: ['Hanne Lund', 'Per Ravn'] });
    expect(f.owner).toEqual({ kind: 'member', name: 'Hanne Lund' });
    expect(f.due?.due).toBe('2024-04-01');
    expect(suggest('Hanne Lund sender oversigten.')[0].owner).toEqual({ kind: 'person', name: 'Hanne Lund' });
  });

  it('recognises roles and the chiefs as a group', () => {
    expect(suggest('Direktøren fremlægger en sag på næste møde.')[0].owner).toEqual({ kind: 'role', name: 'Direktøren' });
    expect(suggest('Alle chefer informerer deres afdelinger om ordningen.')[0]).toMatchObject({ kind: 'communication', owner: { kind: 'all-chiefs' } });
  });

  it("knows a return to the forum by the forum's own name", () => {
    const [f] = suggest('Sagen drøftes igen på et kommende Ledermøde i uge 20.', { forumName: 'Ledermøde' });
    expect(f).toMatchObject({ kind: 'return-to-forum', due: { text: 'i uge 20', dueFrom: '2024-05-13', due: '2024-05-19' } });
  });

  it('suggests nothing for a decision that only notes or approves', () => {
    expect(suggest('Orienteringen blev taget til efterretning.')).toEqual([]);
    expect(suggest('Godkendt.')).toEqual([]);
    expect(suggest('Intet.')).toEqual([]);
    expect(suggest('.')).toEqual([]);
    expect(suggest('Ledermødet drøftede sagen, som har kørt fra 2016.')).toEqual([]);
  });

  it('suggests nothing for closed, approval and communication items', () => {
    const decision = 'Miljø & Teknik udarbejder en plan senest d. 1. april.';
    expect(suggestFollowUps(anItem({ closed: true }), meetingDate, {}, decision)).toEqual([]);
    expect(suggestFollowUps(anItem({ standing: 'approval' }), meetingDate, {}, decision)).toEqual([]);
    expect(suggestFollowUps(anItem({ standing: 'communication' }), meetingDate, {}, decision)).toEqual([]);
  });

  it("uses the item's own decision when no text is given, and keeps one of a repeated deadline", () => {
    const item = anItem({ decision: 'Ny frist er den 2. april 2024.\nDerfor den fastsatte frist d. 2. april 2024.' });
    const list = suggestFollowUps(item, meetingDate);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ itemNumber: 4, kind: 'task', text: 'Ny frist er den 2. april 2024.', evidence: 'Ny frist er den 2. april 2024.' });
  });

  it('does not make a modal verb alone a task', () => {
    expect(suggest('Borgerne skal kunne finde det selv.')).toEqual([]);
    expect(suggest('Der skal udarbejdes en oversigt.')).toHaveLength(1);
  });
});

describe('communication messages', () => {
  it('sets the embargo from "først ... efter" to the day after', () => {
    const [m] = parseCommunicationLines('Ny direktør er ansat, men det meldes først ud efter den 1. april.', meetingDate);
    expect(m).toMatchObject({ notBefore: '2024-04-02', notBeforeText: 'først ud efter den 1. april' });
  });

  it('labels the lines under a short heading and drops bullets', () => {
    expect(parseCommunicationLines('Valg:\n- Husk tilmelding\n- Flere tilforordnede', meetingDate).map((m) => m.text)).toEqual([
      'Valg: Husk tilmelding',
      'Valg: Flere tilforordnede',
    ]);
  });
});
