/** A leadership forum and its roster. Nothing here is specific to one municipality. */

export type Role = 'chair' | 'secretary' | 'member';

export interface Member {
  /** Teams user id (29:...). */
  userId: string;
  /** Microsoft Entra object id, when known. */
  aadObjectId: string | null;
  name: string;
  department: string | null;
  role: Role;
}

export type Locale = 'da' | 'en';

export interface ReminderPolicy {
  /** Days before the due date to remind, e.g. [7, 1]; 0 (the due date itself) is implied by onDueDate. */
  daysBefore: number[];
  onDueDate: boolean;
  /** While overdue, remind every N working days. */
  overdueEveryWorkingDays: number;
  /** Local time of day, HH:MM, Europe/Copenhagen. */
  sendAt: string;
  /** Weekly digest to the secretary: ISO weekday (1 = Monday) and time HH:MM. */
  digest: { weekday: number; at: string };
  /**
   * Days that are not public holidays but on which many Danish workplaces are closed: 24 December,
   * 31 December and grundlovsdag (5 June). Absent or true = treated as non-working (see docs/reminders.md).
   */
  nonWorkingDays?: { christmasEve?: boolean; newYearsEve?: boolean; constitutionDay?: boolean };
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  daysBefore: [7, 1],
  onDueDate: true,
  overdueEveryWorkingDays: 3,
  sendAt: '08:00',
  digest: { weekday: 1, at: '08:00' },
};

export interface Forum {
  id: string;
  tenantId: string;
  name: string;
  /** Teams conversation id of the forum's channel (or group chat). */
  conversationId: string;
  members: Member[];
  /** Departments known to the forum, for owners and message targets. */
  departments: string[];
  reminderPolicy: ReminderPolicy;
  locale: Locale;
  /** ISO instant. */
  createdAt: string;
}

/** Only the secretary or the chair may change meetings. */
export function canManageMeetings(member: Member | undefined): boolean {
  return member?.role === 'secretary' || member?.role === 'chair';
}

export function findMember(forum: Forum, userId: string, aadObjectId?: string | null): Member | undefined {
  return forum.members.find((m) => m.userId === userId || (!!aadObjectId && m.aadObjectId === aadObjectId));
}
