import type { AgendaItem, Meeting } from '../../src/domain';

/** An agenda item with only a number and a title: no prefix, case number, sections or proposals. */
export function aBareItem(number: number, title: string, overrides: Partial<AgendaItem> = {}): AgendaItem {
  return {
    number,
    title,
    prefix: null,
    caseNumber: null,
    timeSlot: null,
    closed: false,
    writtenBriefing: false,
    standing: null,
    sections: [],
    recommendedBy: null,
    proposals: [],
    decision: null,
    attachments: [],
    ...overrides,
  };
}

/** An open agenda item of the invented test forum ("LF"), with an occasion section; override what a test needs. */
export function anItem(number: number, title: string, overrides: Partial<AgendaItem> = {}): AgendaItem {
  return aBareItem(number, title, {
    prefix: 'LF',
    caseNumber: `00.01.00-A00-${number}-26`,
    sections: [{ kind: 'occasion', heading: 'Anledning', body: `Anledning til punkt ${number}.` }],
    recommendedBy: 'Direktøren',
    ...overrides,
  });
}

/**
 * A draft agenda, not yet published: Thursday 5 March 2026 at 09:00 in Byrådssalen, of a forum
 * named "Ledelsesforum"; the test gives its items and overrides what else it needs.
 */
export function aDraftAgenda(id: string, forumId: string, items: AgendaItem[], overrides: Partial<Meeting> = {}): Meeting {
  return {
    id,
    forumId,
    kind: 'agenda',
    forumName: 'Ledelsesforum',
    date: '2026-03-05',
    start: '09:00',
    location: 'Byrådssalen',
    status: 'draft',
    items,
    communications: [],
    publishAt: null,
    publication: null,
    closedAt: null,
    summaryActivityId: null,
    ...overrides,
  };
}
