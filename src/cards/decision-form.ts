import type { AgendaItem, Decision, FollowUpSuggestion, Locale, Member, Owner } from '../domain';
import { OUTCOMES } from '../domain/decision';
import { t } from '../i18n';
import { fitLargest } from './budget';
import { itemHeading } from './common';
import { executeAction } from './execute';
import { MAX_DECISION_CHARS, MAX_FOLLOW_UP_CHARS, MAX_NEW_FOLLOW_UP_ROWS, MAX_SUGGESTED_ROWS, PROPOSAL_OUTCOMES } from './form-verbs';
import { type CardJson, fitText, renderCard } from './render';

export interface DecisionFormOptions {
  forumId: string;
  meetingId: string;
  /**
   * Rows offered pre-filled: follow-ups the minutes core found in the decision text, and those already
   * recorded for the decision (with their `id`, sent back so a save edits them instead of adding copies).
   */
  suggestions: readonly (FollowUpSuggestion & { id?: string })[];
  /** Forum members who can own a follow-up (the secretary is the default responsible for outsiders). */
  roster: readonly (Pick<Member, 'userId' | 'name' | 'department'> & Partial<Pick<Member, 'role'>>)[];
  departments: readonly string[];
  /** The decision recorded so far, if any (the form edits it). */
  current?: Decision | null;
  /** Version (etag) of `current`, sent back for conflict detection; null when there is none. */
  version: string | null;
}

interface Owners {
  codes: string[];
  choices: { title: string; value: string }[];
  /** The roster only: who can answer for a person outside the forum. */
  members: { title: string; value: string }[];
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Suggested owners who are named people outside the roster ("Jonatan Petersen"). */
function outsiders(o: DecisionFormOptions): string[] {
  const names = o.suggestions
    .slice(0, MAX_SUGGESTED_ROWS)
    .flatMap((s) => (s.owner?.kind === 'person' && !o.roster.some((m) => same(m.name, s.owner?.name ?? '')) ? [s.owner.name.trim()] : []));
  return [...new Set(names)].filter(Boolean);
}

/**
 * Members, departments, "all chiefs" and the named outsiders of the suggestions. `departmentsOnly`: the
 * smaller list used when the full one makes the card too large (members stay choosable as responsible).
 */
function ownerChoices(o: DecisionFormOptions, locale: Locale, departmentsOnly: boolean): Owners {
  const codes: string[] = [];
  const choices: Owners['choices'] = [];
  const members: Owners['members'] = [];
  const add = (code: string, title: string, offered: boolean) => {
    if (offered) choices.push({ title, value: `o${codes.length}` });
    codes.push(code);
  };
  const named = outsiders(o);
  for (const m of departmentsOnly && named.length === 0 ? [] : o.roster) {
    members.push({ title: m.name, value: `o${codes.length}` });
    add(`m:${m.userId}`, m.department ? `${m.name} (${m.department})` : m.name, !departmentsOnly);
  }
  for (const d of o.departments) add(`d:${d}`, t(locale, 'card.decision.departmentOwner', { name: d }), true);
  add('a:', t(locale, 'card.decision.allChiefs'), true);
  for (const name of named) add(`p:${name}`, t(locale, 'card.decision.outsideOwner', { name }), true);
  return { codes, choices, members };
}

/** The owner choice matching a suggested owner, or '' when it cannot be resolved to one. */
function ownerValue(owner: Owner | null, o: DecisionFormOptions, owners: Owners): string {
  if (!owner) return '';
  if (owner.kind === 'all-chiefs') return `o${owners.codes.indexOf('a:')}`;
  const member = o.roster.find((m) => (owner.userId && m.userId === owner.userId) || same(m.name, owner.name));
  if (!member && owner.kind === 'person') {
    const i = owners.codes.indexOf(`p:${owner.name.trim()}`);
    if (i >= 0) return `o${i}`;
  }
  const department = o.departments.find((d) => same(d, owner.kind === 'department' ? owner.name : (member?.department ?? '')));
  for (const code of [member ? `m:${member.userId}` : '', department ? `d:${department}` : '']) {
    const i = code ? owners.codes.indexOf(code) : -1;
    if (i >= 0) return `o${i}`;
  }
  return '';
}

/** The responsible member's choice for an outsider: the one recorded, else the secretary. */
function responsibleValue(owner: Owner | null, o: DecisionFormOptions, owners: Owners): string {
  const userId = owner?.responsible?.userId ?? o.roster.find((m) => m.role === 'secretary')?.userId;
  const i = userId ? owners.codes.indexOf(`m:${userId}`) : -1;
  return i >= 0 ? `o${i}` : '';
}

function suggestedRows(o: DecisionFormOptions, owners: Owners, locale: Locale) {
  return o.suggestions.slice(0, MAX_SUGGESTED_ROWS).map((s, i) => {
    const owner = ownerValue(s.owner, o, owners);
    const outsider = owner !== '' && owners.codes[Number(owner.slice(1))].startsWith('p:') && s.owner ? s.owner.name.trim() : null;
    const notes = [
      ...(s.due && s.due.precision !== 'day' ? [t(locale, 'card.decision.dueWas', { text: s.due.text })] : []),
      ...(s.owner && !owner ? [t(locale, 'card.decision.ownerWas', { text: s.owner.name })] : []),
    ];
    return {
      heading: '',
      keepId: `fu_${i}_keep`,
      textId: `fu_${i}_text`,
      text: fitText(s.text, MAX_FOLLOW_UP_CHARS),
      ownerId: `fu_${i}_owner`,
      owner,
      dueId: `fu_${i}_due`,
      due: s.due?.due ?? '',
      respId: outsider ? `fu_${i}_resp` : '',
      respLabel: outsider ? t(locale, 'card.decision.responsible', { name: outsider }) : '',
      resp: outsider ? responsibleValue(s.owner, o, owners) : '',
      note: notes.join(' · '),
    };
  });
}

/** From smallest to fullest: fewer empty rows first, then owners by department only. */
const LEVELS = [
  { newRows: 0, departmentsOnly: true },
  { newRows: 1, departmentsOnly: true },
  { newRows: 0, departmentsOnly: false },
  { newRows: 1, departmentsOnly: false },
  { newRows: MAX_NEW_FOLLOW_UP_ROWS, departmentsOnly: false },
];

/**
 * The secretary's decision form for one item: outcome, per-proposal outcomes (items with several
 * proposals), decision text, suggested follow-ups (keep/edit/drop) and up to 3 new rows; owners are
 * forum members or departments (only departments when the full list would not fit). A closed item
 * shows "Lukket punkt" and numbered proposals without their text, so the form is safe anywhere.
 */
export function decisionFormCard(item: AgendaItem, o: DecisionFormOptions, locale: Locale): CardJson {
  const current = o.current ?? null;
  const proposals = item.proposals.length >= 2 ? item.proposals : [];
  const ref = { forumId: o.forumId, meetingId: o.meetingId, itemNumber: item.number };
  const build = (level: number): CardJson => {
    const { newRows, departmentsOnly } = LEVELS[level];
    const owners = ownerChoices(o, locale, departmentsOnly && o.departments.length > 0);
    const suggested = suggestedRows(o, owners, locale);
    const rows = [
      ...suggested,
      ...Array.from({ length: newRows }, (_, j) => ({
        heading: t(locale, 'card.decision.newFollowUp', { n: j + 1 }),
        keepId: '',
        textId: `new_${j}_text`,
        text: '',
        ownerId: `new_${j}_owner`,
        owner: '',
        dueId: `new_${j}_due`,
        due: '',
        respId: '',
        respLabel: '',
        resp: '',
        note: '',
      })),
    ];
    const data = {
      ...ref,
      version: o.version ?? '',
      owners: owners.codes,
      suggested: o.suggestions
        .slice(0, MAX_SUGGESTED_ROWS)
        .map((s) => ({ kind: s.kind, due: s.due?.due ?? '', dueText: s.due?.text ?? '', ...(s.id ? { id: s.id } : {}) })),
      newRows,
      proposalNumbers: proposals.map((p) => p.number),
    };
    return renderCard('decision-form', {
      requiredMessage: t(locale, 'card.input.required'),
      title: t(locale, 'card.decision.title', { number: item.number }),
      itemHeading: fitText(itemHeading(item, locale), 200),
      outcomeLabel: t(locale, 'card.decision.outcome'),
      outcome: current?.outcome ?? (item.writtenBriefing ? 'noted' : 'approved'),
      outcomeChoices: OUTCOMES.map((v) => ({ title: t(locale, `card.outcome.${v}`), value: v })),
      outcomeTextLabel: t(locale, 'card.decision.outcomeText'),
      outcomeText: current?.outcomeText ?? '',
      proposals: proposals.map((p) => ({
        id: `proposal_${p.number}`,
        label: item.closed
          ? t(locale, 'card.decision.proposal', { number: p.number })
          : fitText(`${t(locale, 'card.decision.proposal', { number: p.number })}: ${p.text}`, 160),
        value: current?.proposals.find((x) => x.proposalNumber === p.number)?.outcome ?? 'approved',
      })),
      proposalChoices: PROPOSAL_OUTCOMES.map((v) => ({ title: t(locale, `card.proposalOutcome.${v}`), value: v })),
      textLabel: t(locale, 'card.decision.text'),
      decisionMaxLength: MAX_DECISION_CHARS,
      decisionText: fitText(current?.text ?? item.decision ?? '', MAX_DECISION_CHARS),
      followUpsHeading: t(locale, 'card.decision.followUps'),
      hasSuggested: suggested.length > 0,
      suggestedHint: t(locale, 'card.decision.suggestedHint'),
      rows,
      keepLabel: t(locale, 'card.decision.keep'),
      fuTextLabel: t(locale, 'card.decision.fuText'),
      followUpMaxLength: MAX_FOLLOW_UP_CHARS,
      ownerLabel: t(locale, 'card.decision.owner'),
      noOwner: t(locale, 'card.decision.noOwner'),
      ownerChoices: owners.choices,
      memberChoices: owners.members,
      dueLabel: t(locale, 'card.decision.due'),
      actions: [
        executeAction('save', t(locale, 'card.decision.save'), 'decision.save', data, { style: 'positive', fallback: false }),
        executeAction('cancel', t(locale, 'card.decision.cancel'), 'refresh', { view: 'item', ...ref }, { associatedInputs: 'none' }),
      ],
    });
  };
  return fitLargest(LEVELS.length - 1, build);
}
