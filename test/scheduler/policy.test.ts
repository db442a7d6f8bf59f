import { DEFAULT_REMINDER_POLICY, type DueDate, type ReminderPolicy } from '../../src/domain';
import { addWorkingDays, danishHolidays, easterSunday, holidayName, isWorkingDay } from '../../src/domain/calendar';
import {
  checkInInstant,
  nextDigest,
  nextReminderAfter,
  plannedDates,
  reminderReasonOn,
  type ReminderSubject,
  snoozeDate,
} from '../../src/domain/reminder-policy';

const policy = DEFAULT_REMINDER_POLICY;
const day = (date: string, text = date): DueDate => ({ due: date, dueFrom: date, precision: 'day', text });
const open = (due: DueDate | null, reminders?: ReminderSubject['reminders']): ReminderSubject => ({ status: 'open', due, reminders });

/** All reminder instants (UTC ISO) from `from` on, following nextReminderAfter `count` times. */
function schedule(subject: ReminderSubject, from: string, count: number): string[] {
  const out: string[] = [];
  let now = new Date(from);
  for (let i = 0; i < count; i++) {
    const next = nextReminderAfter(subject, now, policy);
    if (!next) break;
    out.push(next.at.toISOString());
    now = next.at;
  }
  return out;
}

describe('Danish calendar', () => {
  it('finds Easter Sunday by the computus', () => {
    expect(easterSunday(2019)).toBe('2019-04-21');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('knows the Easter-based holidays of 2026 and 2027', () => {
    const names = (y: number) => Object.fromEntries(danishHolidays(y).map((h) => [h.name, h.date]));
    expect(names(2026)).toMatchObject({
      Skærtorsdag: '2026-04-02',
      Langfredag: '2026-04-03',
      Påskedag: '2026-04-05',
      '2. påskedag': '2026-04-06',
      'Kristi himmelfartsdag': '2026-05-14',
      Pinsedag: '2026-05-24',
      '2. pinsedag': '2026-05-25',
    });
    expect(names(2027)).toMatchObject({
      Skærtorsdag: '2027-03-25',
      Langfredag: '2027-03-26',
      '2. påskedag': '2027-03-29',
      'Kristi himmelfartsdag': '2027-05-06',
      '2. pinsedag': '2027-05-17',
    });
  });

  it('keeps store bededag until 2023 and treats it as a working day from 2024', () => {
    expect(holidayName('2023-05-05')).toBe('Store bededag');
    expect(isWorkingDay('2023-05-05')).toBe(false);
    expect(isWorkingDay('2024-04-26')).toBe(true);
  });

  it('treats 24 and 31 December and grundlovsdag as non-working unless the forum says otherwise', () => {
    expect(isWorkingDay('2026-12-24')).toBe(false);
    expect(isWorkingDay('2026-12-31')).toBe(false);
    expect(isWorkingDay('2026-06-05')).toBe(false);
    const open = { christmasEve: false, newYearsEve: false, constitutionDay: false };
    expect(isWorkingDay('2026-12-24', open)).toBe(true);
    expect(isWorkingDay('2026-06-05', open)).toBe(true);
    expect(isWorkingDay('2026-12-25', open)).toBe(false);
  });

  it('counts working days over weekends and Easter', () => {
    expect(addWorkingDays('2026-04-01', 1)).toBe('2026-04-07');
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23');
    expect(addWorkingDays('2026-04-07', -1)).toBe('2026-04-01');
  });
});

describe('reminder instants', () => {
  it('reminds 7 days and 1 day before and on the due date at 08:00 Copenhagen time', () => {
    expect(schedule(open(day('2026-11-18')), '2026-11-01T00:00:00Z', 3)).toEqual([
      '2026-11-11T07:00:00.000Z',
      '2026-11-17T07:00:00.000Z',
      '2026-11-18T07:00:00.000Z',
    ]);
  });

  it('moves a reminder that falls on a weekend to the Friday before', () => {
    // Due Monday 16 November: "1 day before" is a Sunday.
    expect(plannedDates('2026-11-16', policy)).toEqual(['2026-11-09', '2026-11-13', '2026-11-16']);
    // Due Saturday: the due-date reminder and the day-before reminder are one Friday reminder.
    expect(plannedDates('2026-11-21', policy)).toEqual(['2026-11-13', '2026-11-20']);
  });

  it('skips the Easter holidays of 2026 by moving to the working day before', () => {
    // Due on 2. påskedag: Sunday, Saturday, langfredag and skærtorsdag are skipped back to Wednesday 1 April.
    expect(plannedDates('2026-04-06', policy)).toEqual(['2026-03-30', '2026-04-01']);
  });

  it('skips the Easter holidays of 2027', () => {
    // Due Tuesday 30 March 2027: the day before is 2. påskedag, so the reminder comes Wednesday 24 March.
    expect(plannedDates('2027-03-30', policy)).toEqual(['2027-03-23', '2027-03-24', '2027-03-30']);
  });

  it('moves a reminder off Kristi himmelfartsdag', () => {
    expect(plannedDates('2026-05-15', policy)).toEqual(['2026-05-08', '2026-05-13', '2026-05-15']);
  });

  it('keeps 08:00 local time on both sides of the switch to summer time (last Sunday of March)', () => {
    expect(schedule(open(day('2026-03-31')), '2026-03-20T00:00:00Z', 3)).toEqual([
      '2026-03-24T07:00:00.000Z', // CET
      '2026-03-30T06:00:00.000Z', // CEST, after 29 March
      '2026-03-31T06:00:00.000Z',
    ]);
  });

  it('keeps 08:00 local time on both sides of the switch back (last Sunday of October)', () => {
    expect(schedule(open(day('2026-10-26')), '2026-10-01T00:00:00Z', 3)).toEqual([
      '2026-10-19T06:00:00.000Z', // CEST
      '2026-10-23T06:00:00.000Z', // Friday before Sunday 25 October
      '2026-10-26T07:00:00.000Z', // CET
    ]);
  });

  it('reminds every third working day while overdue', () => {
    // Due Wednesday 18 Nov: overdue reminders Mon 23, Thu 26 Nov, Tue 1 Dec.
    expect(schedule(open(day('2026-11-18')), '2026-11-18T08:00:00Z', 3)).toEqual([
      '2026-11-23T07:00:00.000Z',
      '2026-11-26T07:00:00.000Z',
      '2026-12-01T07:00:00.000Z',
    ]);
    expect(reminderReasonOn(open(day('2026-11-18')), '2026-11-23', policy)).toBe('overdue');
    expect(reminderReasonOn(open(day('2026-11-18')), '2026-11-24', policy)).toBeNull();
  });

  it('counts a period ("uge 44") against its last day', () => {
    const week44: DueDate = { due: '2026-11-01', dueFrom: '2026-10-26', precision: 'week', text: 'uge 44' };
    expect(schedule(open(week44), '2026-10-01T00:00:00Z', 2)).toEqual(['2026-10-23T06:00:00.000Z', '2026-10-30T07:00:00.000Z']);
    const medioApril: DueDate = { due: '2027-04-20', dueFrom: '2027-04-11', precision: 'month-part', text: 'medio april' };
    expect(plannedDates(medioApril.due, policy)).toEqual(['2027-04-13', '2027-04-19', '2027-04-20']);
  });

  it('reschedules every future reminder when the due date is postponed', () => {
    const before = open(day('2026-11-18'));
    const after = open(day('2026-12-09'));
    expect(reminderReasonOn(after, '2026-11-17', policy)).toBeNull();
    expect(schedule(after, '2026-11-12T12:00:00Z', 3)).toEqual(['2026-12-02T07:00:00.000Z', '2026-12-08T07:00:00.000Z', '2026-12-09T07:00:00.000Z']);
    expect(schedule(before, '2026-11-12T12:00:00Z', 1)).toEqual(['2026-11-17T07:00:00.000Z']);
  });

  it('snoozes to 08:00 on the next working day', () => {
    expect(snoozeDate(new Date('2026-11-13T09:00:00Z'), policy)).toBe('2026-11-16'); // Friday → Monday
    expect(snoozeDate(new Date('2026-04-01T09:00:00Z'), policy)).toBe('2026-04-07'); // over Easter
    expect(snoozeDate(new Date('2026-12-23T09:00:00Z'), policy)).toBe('2026-12-28');
    const snoozed = open(day('2026-12-01'), {
      snoozedUntil: '2026-11-16',
      lastAnswer: { kind: 'snooze', userId: 'u', at: '2026-11-13T09:00:00Z' },
      checkIn: null,
      undeliverable: [],
    });
    expect(nextReminderAfter(snoozed, new Date('2026-11-13T09:00:00Z'), policy)?.at.toISOString()).toBe('2026-11-16T07:00:00.000Z');
    expect(reminderReasonOn(snoozed, '2026-11-16', policy)).toBe('snooze');
  });

  it('does not remind on the day the owner answered, nor after the follow-up is done', () => {
    const answered = open(day('2026-11-18'), {
      snoozedUntil: null,
      lastAnswer: { kind: 'on-track', userId: 'u', at: '2026-11-11T06:30:00Z' },
      checkIn: null,
      undeliverable: [],
    });
    expect(reminderReasonOn(answered, '2026-11-11', policy)).toBeNull();
    expect(nextReminderAfter(answered, new Date('2026-11-11T00:00:00Z'), policy)?.date).toBe('2026-11-17');
    expect(nextReminderAfter({ ...answered, status: 'done' }, new Date('2026-11-11T00:00:00Z'), policy)).toBeNull();
  });

  it('follows a forum policy with other days and time', () => {
    const custom: ReminderPolicy = { ...policy, daysBefore: [3], onDueDate: false, sendAt: '09:30', overdueEveryWorkingDays: 0 };
    const next = nextReminderAfter(open(day('2026-11-18')), new Date('2026-11-01T00:00:00Z'), custom);
    expect(next?.at.toISOString()).toBe('2026-11-13T08:30:00.000Z');
    expect(nextReminderAfter(open(day('2026-11-18')), new Date('2026-11-13T09:00:00Z'), custom)).toBeNull();
  });
});

describe('digest and check-in times', () => {
  it('sends the weekly digest Monday 08:00, or Tuesday when Monday is 2. påskedag', () => {
    expect(nextDigest(new Date('2026-11-25T12:00:00Z'), policy)).toEqual({ week: '2026-11-30', at: new Date('2026-11-30T07:00:00Z') });
    expect(nextDigest(new Date('2026-03-30T09:00:00Z'), policy)).toEqual({ week: '2026-04-06', at: new Date('2026-04-07T06:00:00Z') });
  });

  it('sends check-ins five working days before the meeting', () => {
    expect(checkInInstant('2026-12-08', policy).toISOString()).toBe('2026-12-01T07:00:00.000Z');
  });
});
