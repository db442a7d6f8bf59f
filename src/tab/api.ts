/**
 * What the side panel shows: the meeting's agenda as the same Adaptive Cards the bot posts, for this
 * viewer, and the secretary's decision form. Cards are rendered in the viewer's Teams language.
 * Closed items: every viewer first gets the channel's "Lukket punkt" card; roster members also get
 * the content (as in their 1:1 chat) in `privateCard`, which the page shows only when asked, so a
 * shared screen in the meeting does not show it by accident.
 */
import { findItem, loadMeeting } from '../app/access';
import { itemCardFor, overviewCardFor } from '../app/agenda-cards';
import { decisionFormOptions } from '../app/decision-form';
import type { AppDeps } from '../app/deps';
import { nextMeeting } from '../app/queries';
import { communicationsVersion } from '../app/save-communications';
import { followUpStatus } from '../app/follow-up-status';
import { personLocale } from '../app/person-locale';
import { communicationsFormCard } from '../cards/communications-form';
import { followUpStatusCard } from '../cards/follow-up-status';
import { decisionFormCard } from '../cards/decision-form';
import type { CardJson } from '../cards/render';
import type { AgendaItem, FollowUpSuggestion, Forum, Locale, Meeting, Role } from '../domain';
import { AppError, canManageMeetings } from '../domain';
import { t } from '../i18n';
import { isCommunicationItem, parseCommunicationLines } from '../minutes/communications';
import { requireManagerViewer, type Viewer } from './viewer';

export interface PanelItem {
  number: number;
  closed: boolean;
  /** What is shown first: the item card, or "Lukket punkt" for a closed item. */
  card: CardJson;
  /** A closed item's content for a roster member; null otherwise. */
  privateCard: CardJson | null;
}

export interface MeetingView {
  locale: Locale;
  role: Role | 'guest';
  canDecide: boolean;
  forum: { id: string; name: string };
  meeting: Pick<Meeting, 'id' | 'date' | 'start' | 'location' | 'status'> | null;
  overview: CardJson | null;
  items: PanelItem[];
  /** Shown instead of the agenda when there is no meeting. */
  message: string | null;
  /** The secretary's and chair's "opfølgning" card (last six meetings, the quarter's gauge); null for others. */
  followUpStatus: CardJson | null;
  /** The language the viewer chose ("sprog dansk", or in the panel); null: their Teams client's. Guests: null. */
  language: Locale | null;
}

/** The viewer's language: a roster member's own choice, else the Teams client's. */
export async function viewerLocale(deps: AppDeps, viewer: Viewer, clientLocale: Locale): Promise<Locale> {
  return viewer.member ? personLocale(deps, viewer.member.userId, clientLocale) : clientLocale;
}

/** Stores (or with null forgets) a roster member's language; a guest has no Teams user id to keep it under. */
export async function setViewerLanguage(deps: AppDeps, viewer: Viewer, language: Locale | null): Promise<void> {
  if (!viewer.member) throw new AppError('forbidden', 'only roster members can choose a language in the panel');
  await deps.store.conversations.setLocale(viewer.member.userId, language);
}

/** The forum as cards see it, in the viewer's language. */
export function inLocale(forum: Forum, locale: Locale): Forum {
  return { ...forum, locale };
}

/** One item's card for the viewer (a member sees a closed item's content: the page decides when). */
export async function viewerItemCard(deps: AppDeps, viewer: Viewer, locale: Locale, meeting: Meeting, itemNumber: number): Promise<CardJson> {
  const forum = inLocale(viewer.forum, locale);
  return itemCardFor(deps, { forum, meeting, itemNumber, viewer: viewer.member, where: viewer.member ? 'personal' : 'channel', guest: !viewer.member });
}

export async function meetingView(deps: AppDeps, viewer: Viewer, locale: Locale, meetingId?: string | null): Promise<MeetingView> {
  const manager = canManageMeetings(viewer.member ?? undefined);
  const found = meetingId ? await loadMeeting(deps, viewer.forum.id, meetingId) : await nextMeeting(deps, viewer.forum.id, { includeUnpublished: manager });
  const followUp = manager ? followUpStatusCard(locale, await followUpStatus(deps, viewer.forum)) : null;
  const language = viewer.member ? await deps.store.conversations.getLocale(viewer.member.userId) : null;
  const base = { locale, role: viewer.role, canDecide: manager, forum: { id: viewer.forum.id, name: viewer.forum.name }, followUpStatus: followUp, language };
  if (!found) return { ...base, meeting: null, overview: null, items: [], message: t(locale, 'tab.page.no-meeting') };
  const meeting = found.value;
  const forum = inLocale(viewer.forum, locale);
  const responses = await deps.store.responses.listByMeeting(meeting.id);
  const items: PanelItem[] = [];
  for (const item of meeting.items) {
    const own = { forum, meeting, itemNumber: item.number, responses };
    const mine = viewer.member ? await itemCardFor(deps, { ...own, viewer: viewer.member, where: 'personal' }) : null;
    if (item.closed) {
      const card = await itemCardFor(deps, { ...own, viewer: null, where: 'channel', guest: true });
      items.push({ number: item.number, closed: true, card, privateCard: mine });
    } else {
      const card = mine ?? (await itemCardFor(deps, { ...own, viewer: null, where: 'channel', guest: true }));
      items.push({ number: item.number, closed: false, card, privateCard: null });
    }
  }
  const { id, date, start, location, status } = meeting;
  return {
    ...base,
    meeting: { id, date, start, location, status },
    overview: await overviewCardFor(deps, forum, meeting, viewer.member ?? null, !viewer.member),
    items,
    message: null,
  };
}

/** Before anything is saved, the messages form starts from the messages the document itself holds. */
function withDocumentMessages(meeting: Meeting, item: AgendaItem): Meeting {
  if (meeting.communications.length > 0 || !item.decision) return meeting;
  const drafts = parseCommunicationLines(item.decision, meeting.date);
  return { ...meeting, communications: drafts.map((d, i) => ({ ...d, id: `draft-${i}` })) };
}

/**
 * The secretary's form for an item: the decision form (pre-filled with the recorded decision and the
 * follow-ups found in its text, or `suggestions`), or the messages form for the standing item
 * "Hvad skal kommunikeres ud ...". The same builders as the bot's "Registrér beslutning".
 */
export async function decisionForm(
  deps: AppDeps,
  viewer: Viewer,
  locale: Locale,
  ref: { meetingId: string; itemNumber: number },
  suggestions?: FollowUpSuggestion[],
): Promise<CardJson> {
  requireManagerViewer(viewer);
  const forum = viewer.forum;
  const meeting = (await loadMeeting(deps, forum.id, ref.meetingId)).value;
  const item = findItem(meeting, ref.itemNumber);
  if (isCommunicationItem(item)) {
    const options = { departments: forum.departments, version: communicationsVersion(meeting) };
    return communicationsFormCard(withDocumentMessages(meeting, item), item, options, locale);
  }
  // The same rows as the item card's form (recorded follow-ups carry their ids): src/app/decision-form.ts.
  return decisionFormCard(item, await decisionFormOptions(deps, { forum, meeting, item, fresh: suggestions }), locale);
}
