import type { Forum, Locale } from '../domain';
import { t } from '../i18n';
import { fitLargest } from './budget';
import { executeAction } from './execute';
import { type CardJson, fitText, renderCard } from './render';

/** A person in the team, from the Teams roster. */
export interface RosterEntry {
  userId: string;
  name: string;
}

/**
 * The forum set-up card: name, secretary, chair, members and each member's department, chosen from the
 * team roster (choice values are roster indexes; the action carries the roster's user ids). With a
 * `current` forum the inputs are prefilled. Very large teams are cut to what fits, with a note.
 */
export function setupCard(roster: readonly RosterEntry[], locale: Locale, current?: Forum | null): CardJson {
  const indexOf = (userId: string | undefined) => (userId ? roster.findIndex((r) => r.userId === userId) : -1);
  const roleIndex = (role: 'secretary' | 'chair') => indexOf(current?.members.find((m) => m.role === role)?.userId);
  const build = (n: number): CardJson => {
    const shown = roster.slice(0, n);
    const member = (i: number) => current?.members.find((m) => m.userId === shown[i].userId);
    const pick = (i: number) => (i >= 0 && i < n ? String(i) : '');
    return renderCard('setup', {
      requiredMessage: t(locale, 'card.input.required'),
      title: t(locale, 'card.setup.title'),
      intro: t(locale, 'card.setup.intro'),
      forumNameLabel: t(locale, 'card.setup.forumName'),
      forumNamePlaceholder: t(locale, 'card.setup.forumNamePlaceholder'),
      forumName: current?.name ?? '',
      secretaryLabel: t(locale, 'card.setup.secretary'),
      secretary: pick(roleIndex('secretary')),
      chairLabel: t(locale, 'card.setup.chair'),
      chair: pick(roleIndex('chair')),
      membersLabel: t(locale, 'card.setup.members'),
      members: shown
        .map((_, i) => (member(i) ? String(i) : ''))
        .filter(Boolean)
        .join(','),
      choices: shown.map((r, i) => ({ title: fitText(r.name, 80), value: String(i) })),
      departments: shown.map((r, i) => ({
        id: `dept_${i}`,
        label: t(locale, 'card.setup.departmentOf', { name: fitText(r.name, 80) }),
        value: member(i)?.department ?? '',
      })),
      departmentPlaceholder: t(locale, 'card.setup.departmentPlaceholder'),
      truncatedNote: n < roster.length ? t(locale, 'card.setup.rosterTruncated', { shown: n, total: roster.length }) : '',
      actions: [executeAction('save', t(locale, 'card.setup.save'), 'forum.setup', { roster: shown.map((r) => r.userId) }, { style: 'positive' })],
    });
  };
  return fitLargest(roster.length, build);
}
