/** Who is reminded about a follow-up: the owner's chief(s), resolved against the forum's roster. */
import type { Forum, Member, Owner } from '../domain';
import { chiefsOf, sameText } from './access';

const CHAIR_WORDS = /^(kommunal)?direktør(en)?$|^formand(en)?$|^chair$/i;
const SECRETARY_WORDS = /^(chefforums\s+)?sekretær(en)?$|^sekretariatet$|^secretary$/i;

function secretaries(forum: Forum): Member[] {
  return forum.members.filter((m) => m.role === 'secretary');
}

function byName(forum: Forum, name: string): Member | undefined {
  return forum.members.find((m) => sameText(m.name, name));
}

/** The roster members an owner stands for (empty when nobody matches). */
export function ownerMembers(forum: Forum, owner: Owner): Member[] {
  switch (owner.kind) {
    case 'department':
      return chiefsOf(forum).filter((m) => sameText(m.department ?? '', owner.name));
    case 'all-chiefs':
      return chiefsOf(forum);
    case 'member':
    case 'person': {
      const m = forum.members.find((x) => x.userId === owner.userId) ?? byName(forum, owner.name);
      const responsible = owner.responsible && forum.members.find((x) => x.userId === owner.responsible?.userId);
      return m ? [m] : responsible ? [responsible] : [];
    }
    case 'role': {
      const name = owner.name.trim();
      if (CHAIR_WORDS.test(name)) return forum.members.filter((m) => m.role === 'chair');
      if (SECRETARY_WORDS.test(name)) return secretaries(forum);
      return [];
    }
  }
}

/**
 * Teams user ids to remind. A follow-up nobody on the roster owns goes to the secretary, who keeps
 * track of the forum's follow-ups, rather than to no one.
 */
export function resolveAssignees(forum: Forum, owner: Owner | null): string[] {
  const members = owner ? ownerMembers(forum, owner) : [];
  const chosen = members.length > 0 ? members : secretaries(forum);
  return [...new Set(chosen.map((m) => m.userId))];
}

/**
 * Who answers in the forum for a person outside the roster: the member chosen in the form, else the
 * secretary (who keeps track of the forum's follow-ups).
 */
function responsibleFor(forum: Forum, owner: Owner): { userId: string; name: string } | undefined {
  const chosen = owner.responsible && forum.members.find((m) => m.userId === owner.responsible?.userId);
  const m = chosen ?? secretaries(forum)[0];
  return m ? { userId: m.userId, name: m.name } : undefined;
}

/** The owner with its user id filled in (members) and its department spelled as the forum does. */
export function resolveOwner(forum: Forum, owner: Owner | null): Owner | null {
  if (!owner) return null;
  if (owner.kind === 'department') {
    const name = forum.departments.find((d) => sameText(d, owner.name)) ?? owner.name;
    return { kind: 'department', name };
  }
  if (owner.kind === 'member' || owner.kind === 'person') {
    const m = forum.members.find((x) => x.userId === owner.userId) ?? byName(forum, owner.name);
    if (m) return { kind: 'member', name: m.name, userId: m.userId };
    return { kind: 'person', name: owner.name, responsible: responsibleFor(forum, owner) };
  }
  return owner;
}
