/**
 * The communication cascade after a meeting: each chief gets the messages for their department and
 * their own follow-ups 1:1, confirms "Videregivet til afdelingen", and messages with a not-before
 * date are held until 08:00 that day (a 'deliver-communications' job per chief and date).
 */
import { createHash } from 'node:crypto';
import { cascadeCard } from '../cards/cascade';
import { closedItemNumbers, followUpTextFor } from '../cards/common';
import type { CardJson } from '../cards/render';
import type { CascadeReceipt, Communication, FollowUp, Forum, Job, Meeting, Member } from '../domain';
import { AppError, localDate, localInstant } from '../domain';
import type { Where } from '../domain/visibility';
import { newJob, payloadString } from '../domain/scheduled-jobs';
import { ensureJob } from './jobs';
import type { WorkLease } from './jobs';
import type { StoredConversation, Versioned } from '../store/ports';
import { type ActorRef, loadForum, loadMeeting, sameText } from './access';
import type { AppDeps } from './deps';
import { personLocale } from './person-locale';
import type { OutgoingMessage } from './messenger';
import { confirmationOf } from './receipts';
import { sendMessage } from './send';
import { refreshSummaryCard } from './summary-cards';

const h = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

export const heldJobId = (meetingId: string, userId: string, date: string): string => `deliver-communications-${h(meetingId)}-${h(userId)}-${date}`;

/** The messages a chief passes on: those for all departments and those aimed at theirs. */
export function messagesFor(meeting: Meeting, chief: Member): Communication[] {
  return meeting.communications.filter((c) => c.departments.length === 0 || c.departments.some((d) => sameText(d, chief.department ?? '')));
}

/**
 * A chief's cascade card as it stands: the messages they may pass on by today, their own open
 * follow-ups from the meeting, and whether they have confirmed.
 */
export async function chiefCascadeCard(
  deps: AppDeps,
  input: { forum: Forum; meeting: Meeting; chief: Member; where: Where; followUps?: FollowUp[]; confirmed?: boolean },
): Promise<CardJson> {
  const { forum, meeting, chief, where } = input;
  const locale = where === 'personal' ? await personLocale(deps, chief.userId, forum.locale) : forum.locale;
  const today = localDate(deps.clock.now());
  const messages = messagesFor(meeting, chief).filter((c) => !c.notBefore || c.notBefore <= today);
  const followUps = input.followUps ?? (await deps.store.followUps.listByMeeting(forum.id, meeting.id));
  const closed = closedItemNumbers(meeting);
  const mine = followUps
    .filter((f) => f.status === 'open' && f.assignees.includes(chief.userId))
    .map((f) => ({ ...f, text: followUpTextFor(f.text, closed.has(f.itemNumber), where, locale) }));
  const receipt = input.confirmed === undefined ? await deps.store.cascade.get(meeting.id, chief.userId) : null;
  const confirmed = input.confirmed ?? (receipt ? confirmationOf(receipt.value).complete : false);
  return cascadeCard(meeting, messages, mine, confirmed, locale);
}

async function personal(deps: AppDeps, forum: Forum, member: Member): Promise<StoredConversation> {
  return (await deps.store.conversations.getPersonal(member.userId)) ?? deps.messenger.ensurePersonal(forum, member);
}

/** The chief's receipt for the meeting, created (pending) when missing. */
export async function ensureReceipt(deps: AppDeps, meeting: Meeting, chief: Member): Promise<Versioned<CascadeReceipt>> {
  const existing = await deps.store.cascade.get(meeting.id, chief.userId);
  if (existing) return existing;
  const fresh: CascadeReceipt = {
    meetingId: meeting.id,
    userId: chief.userId,
    userName: chief.name,
    department: chief.department,
    deliveredAt: null,
    confirmedAt: null,
    undeliverable: false,
  };
  try {
    return await deps.store.cascade.save(fresh, null);
  } catch (e) {
    const now = e instanceof AppError && e.code === 'conflict' ? await deps.store.cascade.get(meeting.id, chief.userId) : null;
    if (!now) throw e;
    return now;
  }
}

function isPermanent(e: unknown): boolean {
  return e instanceof AppError && e.code === 'delivery-failed' && e.details.permanent === true;
}

/**
 * Sends the chief's cascade card once (the receipt's `deliveredAt` remembers it: one small write
 * right after the post, the only window for a repeat) and schedules the held messages. A chief the bot cannot reach is marked undeliverable, not retried forever.
 */
export async function deliverCascade(
  deps: AppDeps,
  input: { forum: Forum; meeting: Meeting; chief: Member; followUps: FollowUp[]; lease?: WorkLease },
): Promise<CascadeReceipt> {
  const { forum, meeting, chief } = input;
  const receipt = await ensureReceipt(deps, meeting, chief);
  if (receipt.value.deliveredAt || receipt.value.undeliverable) return receipt.value;
  const today = localDate(deps.clock.now());
  const held = messagesFor(meeting, chief).filter((c) => c.notBefore && c.notBefore > today);
  for (const date of new Set(held.map((c) => c.notBefore!))) {
    const payload = { forumId: forum.id, meetingId: meeting.id, userId: chief.userId, notBefore: date };
    await ensureJob(deps, newJob(heldJobId(meeting.id, chief.userId, date), forum.id, 'deliver-communications', localInstant(date, '08:00'), payload));
  }
  let next: CascadeReceipt;
  try {
    const card = await chiefCascadeCard(deps, { forum, meeting, chief, where: 'personal', followUps: input.followUps, confirmed: false });
    const conversation = await personal(deps, forum, chief);
    await input.lease?.hold();
    await sendMessage(deps, conversation, { cards: [card], summary: meeting.forumName });
    const sent = messagesFor(meeting, chief).filter((c) => !c.notBefore || c.notBefore <= today);
    next = { ...receipt.value, deliveredAt: deps.clock.now().toISOString(), deliveredMessageIds: sent.map((c) => c.id) };
  } catch (e) {
    if (!isPermanent(e)) throw e;
    deps.logger.warn({ meetingId: meeting.id, code: 'delivery-failed' }, 'cascade card undeliverable');
    next = { ...receipt.value, undeliverable: true };
  }
  return (await deps.store.cascade.save(next, receipt.etag)).value;
}

/** "Videregivet til afdelingen": records the chief's confirmation and updates the summary card. */
export async function confirmCascade(
  deps: AppDeps,
  input: { forumId: string; meetingId: string; actor: ActorRef },
): Promise<{ receipt: CascadeReceipt; meeting: Meeting }> {
  const forum = (await loadForum(deps, input.forumId)).value;
  const meeting = (await loadMeeting(deps, input.forumId, input.meetingId)).value;
  const receipt = await deps.store.cascade.get(input.meetingId, input.actor.userId);
  if (!receipt) throw new AppError('forbidden', 'This list was not sent to you', { meetingId: input.meetingId });
  const before = confirmationOf(receipt.value);
  if (before.complete) return { receipt: receipt.value, meeting };
  const at = deps.clock.now().toISOString();
  // Confirms everything delivered so far (the card shows all of it); earlier confirmations stay.
  const delivered = receipt.value.deliveredMessageIds;
  const next: CascadeReceipt = { ...receipt.value, confirmedAt: at, ...(delivered ? { confirmedMessageIds: [...delivered] } : {}) };
  const saved = await deps.store.cascade.save(next, receipt.etag);
  await deps.store.audit.append({
    forumId: forum.id,
    at,
    actorUserId: input.actor.userId,
    action: 'cascade.confirm',
    target: `meeting:${meeting.id}/cascade:${input.actor.userId}`,
    before: { confirmedAt: receipt.value.confirmedAt, confirmedMessages: before.confirmed },
    after: { confirmedAt: at, confirmedMessages: before.delivered },
  });
  await refreshSummaryCard(deps, forum, meeting, { wait: false });
  return { receipt: saved.value, meeting };
}

export type HeldOutcome = { status: 'sent'; activityId: string } | { status: 'nothing-to-send'; reason: string };

function payloadOf(job: Job) {
  const s = (field: string) => payloadString(job, field);
  return { forumId: s('forumId'), meetingId: s('meetingId'), userId: s('userId'), notBefore: s('notBefore') };
}

/**
 * The scheduler's 'deliver-communications' job: the held messages of one chief and date. `send` is
 * the scheduler's send-once (records the activity id on the job); default: the messenger.
 * The held messages join the chief's delivered ones, not yet confirmed; what the chief confirmed
 * before stays confirmed, so the summary shows who passed on what.
 */
export async function deliverHeldCommunications(
  deps: AppDeps,
  job: Job,
  send?: (conversation: StoredConversation, message: OutgoingMessage) => Promise<string>,
): Promise<HeldOutcome> {
  const p = payloadOf(job);
  const forum = (await deps.store.forums.get(p.forumId))?.value;
  const meeting = (await deps.store.meetings.get(p.forumId, p.meetingId))?.value;
  const chief = forum?.members.find((m) => m.userId === p.userId);
  if (!forum || !meeting || !chief) return { status: 'nothing-to-send', reason: 'forum, meeting or chief no longer exists' };
  const messages = messagesFor(meeting, chief).filter((c) => c.notBefore === p.notBefore);
  if (messages.length === 0) return { status: 'nothing-to-send', reason: 'no held messages for that date any more' };
  const conversation = await personal(deps, forum, chief);
  const message: OutgoingMessage = { cards: [cascadeCard(meeting, messages, [], false, forum.locale)], summary: meeting.forumName };
  const activityId = send ? await send(conversation, message) : await sendMessage(deps, conversation, message);
  await recordHeldDelivery(deps, meeting, chief, p.notBefore, messages);
  await refreshSummaryCard(deps, forum, meeting);
  return { status: 'sent', activityId };
}

/** Adds the held messages to the chief's delivered ones (retried when the chief confirms meanwhile). */
async function recordHeldDelivery(deps: AppDeps, meeting: Meeting, chief: Member, date: string, held: Communication[]): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const receipt = await ensureReceipt(deps, meeting, chief);
    const r = receipt.value;
    // A receipt from before ids were kept: what had been delivered is what came before this date.
    const earlier =
      r.deliveredMessageIds ??
      messagesFor(meeting, chief)
        .filter((c) => !c.notBefore || c.notBefore < date)
        .map((c) => c.id);
    const confirmed = r.confirmedMessageIds ?? (r.confirmedAt ? earlier : []);
    const next: CascadeReceipt = {
      ...r,
      deliveredAt: r.deliveredAt ?? deps.clock.now().toISOString(),
      deliveredMessageIds: [...new Set([...earlier, ...held.map((c) => c.id)])],
      confirmedMessageIds: confirmed,
    };
    try {
      await deps.store.cascade.save(next, receipt.etag);
      return;
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'conflict') || attempt >= 3) throw e;
    }
  }
}
