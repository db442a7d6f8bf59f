/**
 * Agenda out: the overview card and one card per item in the forum's channel, closed items as
 * "Lukket punkt" only, and each closed item's content to every member 1:1.
 *
 * Converges whatever call a run dies after (docs/storage.md "Publishing and closing converge"):
 * 1. the first run marks the meeting as being published (`publication` without activity ids; from
 *    then on it can no longer be discarded or rescheduled);
 * 2. each card is posted only when it has no record, and recorded in its own small row right after
 *    its post (src/app/posted.ts);
 * 3. the audit entry (the same one whichever run writes it), then the commit: status 'published'
 *    with every card's activity id, in one meeting write.
 * A run that died is finished by the next run of the meeting's publish job: the job's short lease
 * (src/scheduler/work-lease.ts) keeps a second publisher away while one is at work, and runs out
 * 30 s after a crash. Called directly (tests, tools), nothing keeps two callers apart.
 */
import { agendaPreviewCard } from '../cards/agenda-preview';
import { formatDateTime } from '../cards/format';
import type { Forum, Meeting, PostedCard, Publication } from '../domain';
import { AppError } from '../domain';
import { t } from '../i18n';
import { NO_LEASE, type WorkLease } from './jobs';
import type { StoredConversation, Versioned } from '../store/ports';
import { type ActorRef, channelOf, loadForum, loadMeeting, requireManager, updateMeeting } from './access';
import { itemCardFor, overviewCardFor, personalKey } from './agenda-cards';
import type { AppDeps } from './deps';
import { type NotifyTarget, noteMessage, notify } from './notify';
import { PostedCards, postKey } from './posted';
import { publishJobId } from './schedule-agenda';

/** Step 1: the meeting says it is being published (once; a later run keeps the first mark). */
async function markPublishing(deps: AppDeps, meeting: Versioned<Meeting>, channel: StoredConversation): Promise<Meeting> {
  if (meeting.value.publication) return meeting.value;
  const publication: Publication = {
    conversationId: channel.conversationId,
    publishedAt: deps.clock.now().toISOString(),
    overviewActivityId: null,
    itemActivityIds: {},
    personalActivityIds: {},
  };
  const marked = await updateMeeting(deps, meeting.value.forumId, meeting.value.id, (m) => (m.publication ? null : { ...m, publication }));
  return marked.value;
}

/** Activity ids a meeting kept itself (publications begun before cards had records of their own). */
function keptInMeeting(meeting: Meeting): PostedCard[] {
  const p = meeting.publication;
  if (!p) return [];
  const card = (key: string, activityId: string, conversationId = p.conversationId): PostedCard => ({
    meetingId: meeting.id,
    key,
    conversationId,
    activityId,
    postedAt: p.publishedAt,
  });
  return [
    ...(p.overviewActivityId ? [card(postKey.overview, p.overviewActivityId)] : []),
    ...Object.entries(p.itemActivityIds).map(([n, id]) => card(postKey.item(Number(n)), id)),
    ...Object.entries(p.personalActivityIds ?? {}).map(([k, id]) => {
      const [n, userId] = [k.slice(0, k.indexOf(':')), k.slice(k.indexOf(':') + 1)];
      return card(postKey.personal(Number(n), userId), id, '');
    }),
  ];
}

/** The channel's cards: the overview, then one card per item. */
async function postChannelCards(deps: AppDeps, forum: Forum, meeting: Meeting, channel: StoredConversation, posted: PostedCards): Promise<void> {
  const here = async () => channel;
  await posted.once(deps, postKey.overview, here, async () => ({ cards: [await overviewCardFor(deps, forum, meeting)], summary: meeting.forumName }));
  for (const item of meeting.items) {
    await posted.once(deps, postKey.item(item.number), here, async () => ({
      cards: [await itemCardFor(deps, { forum, meeting, itemNumber: item.number, viewer: null, where: 'channel' })],
    }));
  }
}

/** Closed items' content goes to each member (and the chair and secretary) in their 1:1 chat. */
async function postClosedItems(deps: AppDeps, forum: Forum, meeting: Meeting, posted: PostedCards): Promise<void> {
  for (const item of meeting.items.filter((i) => i.closed)) {
    for (const member of forum.members) {
      await posted.once(
        deps,
        postKey.personal(item.number, member.userId),
        () => deps.messenger.ensurePersonal(forum, member),
        async () => ({ cards: [await itemCardFor(deps, { forum, meeting, itemNumber: item.number, viewer: member, where: 'personal' })] }),
      );
    }
  }
}

/** The publication as the meeting keeps it: where each posted card is. */
function publicationOf(forum: Forum, meeting: Meeting, posted: PostedCards): Publication {
  const id = (key: string) => posted.get(key)?.activityId;
  const itemActivityIds: Record<string, string> = {};
  const personalActivityIds: Record<string, string> = {};
  for (const item of meeting.items) {
    const channelId = id(postKey.item(item.number));
    if (channelId) itemActivityIds[String(item.number)] = channelId;
    if (!item.closed) continue;
    for (const member of forum.members) {
      const personalId = id(postKey.personal(item.number, member.userId));
      if (personalId) personalActivityIds[personalKey(item.number, member.userId)] = personalId;
    }
  }
  return { ...meeting.publication!, overviewActivityId: id(postKey.overview) ?? null, itemActivityIds, personalActivityIds };
}

/** Updates the asker's preview card (or text) to say the agenda is out; idempotent. */
async function notifyPublished(deps: AppDeps, meeting: Meeting, target: NotifyTarget | null): Promise<void> {
  if (!target) return;
  const locale = target.locale;
  const text =
    target.as === 'card'
      ? t(locale, 'meeting.publish.published')
      : t(locale, 'meeting.publish.done', { when: formatDateTime(locale, meeting.date, meeting.start), items: meeting.items.length });
  await notify(deps, target, noteMessage(target, text, agendaPreviewCard(meeting, [], locale)));
}

/**
 * Posts the agenda. `actor` is checked (secretary/chair) when a person asks; the scheduler's
 * publish job passes none (but may name who asked, `requestedBy`, for the audit log, the answer to
 * update when done, `notify`, and its lease). Returns the publication (also when it was already complete).
 */
export async function publishAgenda(
  deps: AppDeps,
  input: { forumId: string; meetingId: string; actor?: ActorRef; requestedBy?: string; notify?: NotifyTarget | null; lease?: WorkLease },
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
  const meeting = await markPublishing(deps, current, channel);
  const posted = await PostedCards.load(deps, meeting.id, input.lease ?? NO_LEASE, keptInMeeting(meeting));
  await postChannelCards(deps, forum, meeting, channel, posted);
  await postClosedItems(deps, forum, meeting, posted);
  const publication = publicationOf(forum, meeting, posted);
  // A person publishing now replaces a scheduled publication; the scheduler finishes its own job.
  if (input.actor && current.value.status === 'scheduled') await deps.store.jobs.cancel(publishJobId(meeting.id));
  // Before the commit, and the same entry whichever run writes it (its time is the first run's mark).
  await deps.store.audit.append({
    forumId: forum.id,
    at: publication.publishedAt,
    actorUserId: input.actor?.userId ?? input.requestedBy ?? 'scheduler',
    action: 'agenda.publish',
    target: `meeting:${meeting.id}`,
    before: { status: current.value.status },
    after: { status: 'published', items: meeting.items.length },
  });
  const done = await updateMeeting(deps, forum.id, meeting.id, (m) => (m.status === 'published' ? null : { ...m, status: 'published', publication }));
  await notifyPublished(deps, done.value, input.notify ?? null);
  return done.value.publication!;
}
