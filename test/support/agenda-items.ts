import type { AgendaItem } from '../../src/domain';

/** An open agenda item of the invented test forum ("LF"), with an occasion section; override what a test needs. */
export function anItem(number: number, title: string, overrides: Partial<AgendaItem> = {}): AgendaItem {
  return {
    number,
    title,
    prefix: 'LF',
    caseNumber: `00.01.00-A00-${number}-26`,
    timeSlot: null,
    closed: false,
    writtenBriefing: false,
    standing: null,
    sections: [{ kind: 'occasion', heading: 'Anledning', body: `Anledning til punkt ${number}.` }],
    recommendedBy: 'Direktøren',
    proposals: [],
    decision: null,
    attachments: [],
    ...overrides,
  };
}
