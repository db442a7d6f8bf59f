/**
 * The contract between the activity handler (dispatch) and the many small handlers.
 * A handler parses its input, calls an application service in src/app and replies with a card.
 */
import type { TurnContext } from 'botbuilder';
import type { AppDeps } from '../app/deps';
import type { Verb, VerbData } from '../cards/actions';
import type { Forum, Locale, Member } from '../domain';
import type { Logger } from '../logger';
import type { ConversationKind, Versioned } from '../store/ports';

export interface Actor {
  userId: string;
  aadObjectId: string | null;
  name: string;
}

export interface TurnInfo {
  turn: TurnContext;
  deps: AppDeps;
  /** Logger with the turn's correlation id. */
  log: Logger;
  locale: Locale;
  actor: Actor;
  tenantId: string;
  conversation: { id: string; kind: ConversationKind };
  /** The forum of this channel/group chat, or for 1:1 chats the user's forum (first on the roster), or null. */
  forum: Versioned<Forum> | null;
  /** The actor on that forum's roster, if any. */
  member: Member | undefined;
}

/** A chat command ("dagsorden", "mine opgaver"...): `args` is the text after the command word. */
export interface CommandContext extends TurnInfo {
  args: string;
  /** Attachments of the message (file uploads). */
  attachments: { contentType: string; content?: unknown; contentUrl?: string; name?: string }[];
}

export type CommandHandler = (ctx: CommandContext) => Promise<void>;

/** A card action (Action.Execute verb); `data` is unvalidated user input: validate with the verb's zod schema. */
export interface VerbContext extends TurnInfo {
  verb: string;
  data: unknown;
  /** Activity id of the card the action came from, for updating it in place. */
  replyToId: string | null;
}

/** What the invoke answers with: a refreshed card (replaces the card for this user) or a short message. */
export type VerbResult = { card: Record<string, unknown> } | { message: string };

export type VerbHandler = (ctx: VerbContext) => Promise<VerbResult>;

/** A verb's handler with its data already validated by the verb's schema (`parseVerbData`). */
export type VerbHandlerFor<V extends Verb> = (ctx: VerbContext & { verb: V; data: VerbData<V> }) => Promise<VerbResult>;

/** Every card verb and its handler (src/bot/verbs.ts). */
export type VerbTable = { [V in Verb]: VerbHandlerFor<V> };

/** A Teams meeting start/end event (flaky in real life: never the only way to do something). */
export interface MeetingEvent {
  /** Teams meeting id. */
  id: string;
  joinUrl: string | null;
  title: string | null;
  /** ISO instant of the start or end, when Teams sends it. */
  at: string | null;
}

export type MeetingEventHandler = (ctx: TurnInfo, meeting: MeetingEvent) => Promise<void>;
