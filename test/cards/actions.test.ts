import { communicationsFormCard, formatCommunicationLines, parseCommunicationLines, parseVerbData, VERB_ACCESS, VERBS } from '../../src/cards';
import { savedMessagesNote } from '../../src/cards/communications-form';
import { commsItem } from './samples';

const item = { forumId: 'forum-1', meetingId: 'meeting-1', itemNumber: '3' };

describe('parseVerbData', () => {
  it('knows exactly the verbs of the protocol, each with an access rule', () => {
    expect([...VERBS].sort()).toEqual(
      [
        'forum.setup',
        'agenda.publish',
        'agenda.schedule',
        'agenda.discard',
        'agenda.details',
        'item.comment',
        'item.read',
        'item.discuss',
        'item.decide',
        'decision.save',
        'communications.save',
        'meeting.close',
        'cascade.confirm',
        'followup.done',
        'followup.postpone',
        'followup.snooze',
        'checkin.answer',
        'refresh',
      ].sort(),
    );
    expect(Object.keys(VERB_ACCESS).sort()).toEqual([...VERBS].sort());
  });

  it('rejects an unknown verb and non-object data', () => {
    expect(parseVerbData('item.delete', {})).toEqual({ ok: false, error: 'unknown verb "item.delete"', fields: null });
    expect(parseVerbData('item.read', 'x')).toEqual({ ok: false, error: 'item.read: data must be an object', fields: null });
  });

  it('names every missing or wrong field without echoing the values', () => {
    const r = parseVerbData('agenda.schedule', { forumId: 'forum-1', meetingId: '', publishDate: '2019-02-30', publishTime: '25:00' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/^agenda\.schedule: /);
    expect(r.error).toContain('meetingId');
    expect(r.error).toContain('publishDate: expected a date YYYY-MM-DD');
    expect(r.error).toContain('publishTime: expected a time HH:MM');
    expect(r.error).not.toContain('2019-02-30');
  });

  it('turns an empty comment into "remove my comment" and bounds its length', () => {
    expect(parseVerbData('item.comment', { ...item, comment: '  ' })).toMatchObject({ ok: true, data: { comment: null, itemNumber: 3 } });
    expect(parseVerbData('item.comment', { ...item, comment: ' Enig ' })).toMatchObject({ ok: true, data: { comment: 'Enig' } });
    expect(parseVerbData('item.comment', { ...item, comment: 'x'.repeat(4001) })).toEqual({
      ok: false,
      error: 'item.comment: comment: at most 4000 characters',
      fields: [{ field: 'comment', label: { key: 'card.item.commentLabel' }, kind: 'too-long', max: 4000 }],
    });
  });

  it('carries the wanted state of "ønsker drøftelse", so a retried click changes nothing', () => {
    expect(parseVerbData('item.discuss', { ...item, wantsDiscussion: 'true' })).toMatchObject({ ok: true, data: { wantsDiscussion: true } });
    expect(parseVerbData('item.discuss', { ...item, wantsDiscussion: false })).toMatchObject({ ok: true, data: { wantsDiscussion: false } });
    expect(parseVerbData('item.discuss', item)).toMatchObject({ ok: false });
  });

  it('reads a decision form into outcome, proposals, text and follow-ups', () => {
    const r = parseVerbData('decision.save', {
      ...item,
      version: 'etag-1',
      owners: ['m:29:chief-b', 'd:Kultur & Fritid'],
      suggested: [
        { kind: 'task', due: '2019-11-30', dueText: 'ultimo november' },
        { kind: 'return-to-forum', due: '', dueText: '' },
      ],
      newRows: 2,
      proposalNumbers: [1, 2],
      outcome: 'approved',
      outcomeText: 'ignored',
      proposal_1: 'approved',
      proposal_2: 'postponed',
      decisionText: 'Godkendt.',
      fu_0_keep: 'true',
      fu_0_text: 'Plan fremlægges',
      fu_0_owner: 'o1',
      fu_0_due: '2019-11-30',
      fu_1_keep: 'false',
      fu_1_text: 'dropped',
      new_0_text: 'Ny opgave',
      new_0_owner: 'o0',
      new_0_due: '2019-12-01',
      new_1_text: '',
    });
    expect(r).toEqual({
      ok: true,
      verb: 'decision.save',
      data: {
        forumId: 'forum-1',
        meetingId: 'meeting-1',
        itemNumber: 3,
        version: 'etag-1',
        outcome: 'approved',
        outcomeText: null,
        proposals: [
          { proposalNumber: 1, outcome: 'approved' },
          { proposalNumber: 2, outcome: 'postponed' },
        ],
        text: 'Godkendt.',
        followUps: [
          {
            origin: 'suggested',
            text: 'Plan fremlægges',
            kind: 'task',
            owner: { kind: 'department', name: 'Kultur & Fritid' },
            due: { date: '2019-11-30', text: 'ultimo november' },
          },
          { origin: 'new', text: 'Ny opgave', kind: 'task', owner: { kind: 'member', userId: '29:chief-b' }, due: { date: '2019-12-01', text: null } },
        ],
      },
    });
  });

  it('explains what is wrong with a decision form, field by field', () => {
    const r = parseVerbData('decision.save', {
      ...item,
      owners: [],
      suggested: [{ kind: 'task', due: '', dueText: '' }],
      newRows: 1,
      proposalNumbers: [1],
      outcome: 'other',
      outcomeText: '',
      fu_0_text: '',
      new_0_owner: 'o9',
      new_0_due: '2019-13-01',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain('outcomeText: required when the outcome is "other"');
    expect(r.error).toContain('proposal_1: choose an outcome for the proposal');
    expect(r.error).toContain('fu_0_text: empty; untick the row to drop this suggestion');
    expect(r.error).toContain('new_0_owner: unknown owner choice');
    expect(r.error).toContain('new_0_due: expected a date YYYY-MM-DD or nothing');
  });

  it('treats a stale or missing version as data, for the conflict check', () => {
    const r = parseVerbData('decision.save', { ...item, outcome: 'noted', decisionText: '' });
    expect(r).toMatchObject({ ok: true, data: { version: null, followUps: [], proposals: [] } });
  });

  it('reads the setup form into a roster of members with departments', () => {
    const r = parseVerbData('forum.setup', {
      roster: ['29:a', '29:b', '29:c'],
      forumName: ' Chefforum ',
      secretary: '0',
      chair: '1',
      members: '1,2',
      dept_1: '',
      dept_2: 'Kultur & Fritid',
    });
    expect(r).toEqual({
      ok: true,
      verb: 'forum.setup',
      data: {
        forumName: 'Chefforum',
        secretaryUserId: '29:a',
        chairUserId: '29:b',
        members: [
          { userId: '29:b', department: null },
          { userId: '29:c', department: 'Kultur & Fritid' },
        ],
      },
    });
    expect(parseVerbData('forum.setup', { roster: ['29:a'], forumName: 'X', secretary: '4', chair: '0', members: '' })).toEqual({
      ok: false,
      error: 'forum.setup: secretary: not a person on the roster; members: choose at least one member',
      fields: [
        { field: 'secretary', label: { key: 'card.setup.secretary' }, kind: 'choice' },
        { field: 'members', label: { key: 'card.setup.members' }, kind: 'choice' },
      ],
    });
  });

  it('reads postpone inputs named with a row suffix on list cards', () => {
    const r = parseVerbData('followup.postpone', {
      forumId: 'f',
      followUpId: 'fu-1',
      inputSuffix: '_2',
      newDate_2: '2020-01-15',
      reason_2: 'Sygdom',
      newDate_1: 'x',
    });
    expect(r).toEqual({ ok: true, verb: 'followup.postpone', data: { forumId: 'f', followUpId: 'fu-1', newDate: '2020-01-15', reason: 'Sygdom' } });
  });

  it('reads check-in answers and refresh views', () => {
    expect(parseVerbData('checkin.answer', { forumId: 'f', followUpId: 'x', status: 'late', newDate: '' })).toMatchObject({
      ok: true,
      data: { newDate: null },
    });
    expect(parseVerbData('checkin.answer', { forumId: 'f', followUpId: 'x', status: 'maybe' })).toMatchObject({ ok: false });
    expect(parseVerbData('refresh', { view: 'item', forumId: 'f', meetingId: 'm', itemNumber: 2 })).toMatchObject({ ok: true });
    expect(parseVerbData('refresh', { view: 'item', forumId: 'f', meetingId: 'm' })).toEqual({
      ok: false,
      error: 'refresh: itemNumber: expected an item number',
      fields: null,
    });
  });
});

describe('communication lines', () => {
  it('read one message per line with an optional not-before date and target departments', () => {
    expect(parseCommunicationLines('fra 02-09-2019: [Kultur & Fritid, Stab] Jubilæet fejres\n\n  Alle skal vide det  \nfrom 2019-10-01: Senere')).toEqual({
      ok: true,
      lines: [
        { text: 'Jubilæet fejres', notBefore: '2019-09-02', departments: ['Kultur & Fritid', 'Stab'] },
        { text: 'Alle skal vide det', notBefore: null, departments: [] },
        { text: 'Senere', notBefore: '2019-10-01', departments: [] },
      ],
    });
  });

  it('name the line that is wrong', () => {
    expect(parseCommunicationLines('ok\nfra 2019-02-30: x')).toEqual({ ok: false, error: 'line 2: "fra" date is not a valid date (YYYY-MM-DD or DD-MM-YYYY)' });
    expect(parseCommunicationLines('[Stab]')).toEqual({ ok: false, error: 'line 1: no message text after the date/departments' });
  });

  it('once saved, say what was saved in the user’s language', () => {
    const held = (notBefore: string | null) => ({ notBefore });
    expect(savedMessagesNote([held(null), held('2026-12-09'), held(null)], 'da')).toBe('3 beskeder gemt, 1 holdt tilbage til 9. december 2026');
    expect(savedMessagesNote([held(null), held('2026-12-09'), held(null)], 'en')).toBe('3 messages saved, 1 held until 9 December 2026');
    expect(savedMessagesNote([], 'da')).toBe('Gemt: ingen beskeder til afdelingerne');
  });

  it('written back into an English form keep the English "from"', () => {
    const meeting = { id: 'm', forumId: 'f', communications: [{ id: 'c1', text: 'Held', notBefore: '2026-12-09', notBeforeText: null, departments: [] }] };
    const card = JSON.stringify(communicationsFormCard(meeting, commsItem, { departments: [], version: null }, 'en'));
    expect(card).toContain('from 2026-12-09: Held');
    expect(card).not.toContain('fra 2026-12-09');
  });

  it('written back into the form read the same again', () => {
    const lines = [
      { text: 'Jubilæet fejres', notBefore: '2019-09-02', departments: ['Kultur & Fritid', 'Stab'] },
      { text: 'To linjer\nbliver til én', notBefore: null, departments: [] },
    ];
    expect(parseCommunicationLines(formatCommunicationLines(lines))).toEqual({
      ok: true,
      lines: [lines[0], { text: 'To linjer bliver til én', notBefore: null, departments: [] }],
    });
  });
});
