/**
 * Agenda out: the overview card and one card per item in the forum's channel, closed items as
 * "Lukket punkt" only, and each closed item's content to every member 1:1.
 *
 * Idempotent: every posted card's activity id is stored in `meeting.publication` as soon as it is
 * sent, so a retry (a Teams retry, the scheduler's next attempt) posts only what is missing. A
 * publication younger than PUBLISH_LEASE_MS that is not finished belongs to a publisher still at
 * work; a second caller then returns without posting.
 */
import { agendaPreviewCard } from '../cards/agenda-preview';
import { formatDateTime } from '../cards/format';
import type { Forum, Meeting, Publication } from '../domain';
import { AppError, asAppError } from '../domain';
import { t } from '../i18n';
import type { StoredConversation, Versioned } from '../store/ports';
import { type ActorRef, channelOf, loadForum, loadMeeting, requireManager, updateMeeting } from './access';
import { itemCardFor, overviewCardFor, personalKey } from './agenda-cards';
import type { AppDeps } from './deps';
import { type NotifyTarget, noteMessage, notify } from './notify';
import { publishJobId } from './schedule-agenda';
import { sendMessage } from './send';

export const PUBLISH_LEASE_MS = 60_000;

/** Takes the publication for this caller; null when another publisher is at work on it. */
async function claim(deps: AppDeps, meeting: Versioned<Meeting>, channel: StoredConversation): Promise<Versioned<Meeting> | null> {
  const now = deps.clock.now();
  const p = meeting.value.publication;
  if (p && now.getTime() - new Date(p.publishedAt).getTime() < PUBLISH_LEASE_MS) return null;
  const publication: Publication = {
    conversationId: p?.conversationId ?? channel.conversationId,
    publishedAt: now.toISOString(),
    overviewActivityId: p?.overviewActivityId ?? null,
    itemActivityIds: p?.itemActivityIds ?? {},
    personalActivityIds: p?.personalActivityIds ?? {},
  };
  try {
    return await deps.store.meetings.update({ ...meeting.value, publication }, meeting.etag);
  } catch (e) {
    if (e instanceof AppError && e.code === 'conflict') return null;
    throw e;
  }
}

/** After a failed send: lets the next attempt continue at once instead of waiting for the lease. */
async function releaseClaim(deps: AppDeps, meeting: Meeting): Promise<void> {
  try {
    await updateMeeting(deps, meeting.forumId, meeting.id, (m) =>
      m.publication ? { ...m, publication: { ...m.publication, publishedAt: new Date(0).toISOString() } } : null,
    );
  } catch (e) {
    // The lease then simply runs out; the original error is what the caller must see.
    deps.logger.warn({ meetingId: meeting.id, code: asAppError(e).code }, 'could not release the publishing lease');
  }
}

/** Sends unless already sent, then records the activity id at once. */
async function sendOnce(
  deps: AppDeps,
  meeting: Meeting,
  sent: (p: Publication) => string | null | undefined,
  send: () => Promise<string>,
  record: (p: Publication, activityId: string) => void,
): Promise<Meeting> {
  if (sent(meeting.publication!)) return meeting;
  const activityId = await send();
  const saved = await updateMeeting(deps, meeting.forumId, meeting.id, (m) => {
    if (!m.publication) return null;
    record(m.publication, activityId);
    return m;
  });
  return saved.value;
}

async function postAll(deps: AppDeps, forum: Forum, start: Meeting, channel: StoredConversation): Promise<Meeting> {
  let meeting = start;
  meeting = await sendOnce(
    deps,
    meeting,
    (p) => p.overviewActivityId,
    async () => sendMessage(deps, channel, { cards: [await overviewCardFor(deps, forum, meeting)], summary: meeting.forumName }),
    (p, id) => {
      p.overviewActivityId = id;
    },
  );
  for (const item of start.items) {
    const key = String(item.number);
    meeting = await sendOnce(
      deps,
      meeting,
      (p) => p.itemActivityIds[key],
      async () => {
        const card = await itemCardFor(deps, { forum, meeting, itemNumber: item.number, viewer: null, where: 'channel' });
        return sendMessage(deps, channel, { cards: [card] });
      },
      (p, id) => {
        p.itemActivityIds[key] = id;
      },
    );
  }
  return meeting;
}

/** Closed items' content goes to each member (and the chair and secretary) in their 1:1 chat. */
async function sendClosedItems(deps: AppDeps, forum: Forum, start: Meeting): Promise<Meeting> {
  let meeting = start;
  for (const item of start.items.filter((i) => i.closed)) {
    for (const member of forum.members) {
      const key = personalKey(item.number, member.userId);
      meeting = await sendOnce(
        deps,
        meeting,
        (p) => p.personalActivityIds?.[key],
        async () => {
          const conversation = await deps.messenger.ensurePersonal(forum, member);
          const card = await itemCardFor(deps, { forum, meeting, itemNumber: item.number, viewer: member, where: 'personal' });
          return sendMessage(deps, conversation, { cards: [card] });
        },
        (p, id) => {
          p.personalActivityIds = { ...p.personalActivityIds, [key]: id };
        },
      );
    }
  }
  return meeting;
}

/** Updates the asker's preview card (or text) to say the agenda is out; idempotent. */
async function notifyPublished(deps: AppDeps, meeting: Meeting, target: NotifyTarget | null): Promise<void> {
  if (!target) return;
  const locale = target.locale;
  const text = target.as === 'card'
    ? t(locale, 'meeting.publish.published')
    : t(locale, 'meeting.publish.done', { when: formatDateTime(locale, meeting.date, meeting.start), items: meeting.items.length });
  await notify(deps, target, noteMessage(target, text, agendaPreviewCard(meeting, [], locale)));
}

/**
 * Posts the agenda. `actor` is checked (secretary/chair) when a person asks; the scheduler's
 * publish job passes none (but may name who asked, `requestedBy`, for the audit log, and the
 * answer to update when done, `notify`). Returns the publication (also when it was already complete).
 */
export async function publishAgenda(
  deps: AppDeps,
  input: { forumId: string; meetingId: string; actor?: ActorRef; requestedBy?: string; notify?: NotifyTarget | null },
): Promise<Publication> {
  const forum = (await loadForum(deps, input.forumId)).value;
  if (input.actor) requireManager(forum, input.actor);
  const current = await loadMeeting(deps, input.forumId, input.meetingId);
  if (current.value.status === 'closed') throw new AppError('invalid-input', 'the meeting has been closed');
  if (current.value.status === 'published' && current.value.publication) {
    await notifyPublished(deps, current.value, input.notify ?? null);
    return current.value.publication;
  }
  const channel = await channelOf(deps, forum);
  const claimed = await claim(deps, current, channel);
  if (!claimed) return (await loadMeeting(deps, input.forumId, input.meetingId)).value.publication!;
  let meeting: Meeting;
  try {
    meeting = await sendClosedItems(deps, forum, await postAll(deps, forum, claimed.value, channel));
  } catch (e) {
    await releaseClaim(deps, claimed.value);
    throw e;
  }
  const done = await updateMeeting(deps, forum.id, meeting.id, (m) => ({ ...m, status: 'published' }));
  // A person publishing now replaces a scheduled publication; the scheduler finishes its own job.
  if (input.actor && current.value.status === 'scheduled') await deps.store.jobs.cancel(publishJobId(meeting.id));
  await deps.store.audit.append({
    forumId: forum.id,
    at: deps.clock.now().toISOString(),
    actorUserId: input.actor?.userId ?? input.requestedBy ?? 'scheduler',
    action: 'agenda.publish',
    target: `meeting:${meeting.id}`,
    before: { status: current.value.status },
    after: { status: 'published', items: meeting.items.length },
  });
  await notifyPublished(deps, done.value, input.notify ?? null);
  return done.value.publication!;
}
