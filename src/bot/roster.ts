/** The people in the team (or group chat) of this turn, read through the paged member API. */
import { TeamsInfo, type TurnContext } from 'botbuilder';
import { AppError } from '../domain';

export interface RosterPerson {
  userId: string;
  name: string;
  aadObjectId: string | null;
}

const PAGE_SIZE = 200;
/** 2,000 people: far beyond a leadership forum's team; stops a runaway continuation loop. */
const MAX_PAGES = 10;

/** Paged (the legacy getMembers is throttled hard, TEAMS.md). Fails with 'delivery-failed' when Teams does not answer. */
export async function fetchRoster(turn: TurnContext): Promise<RosterPerson[]> {
  const people: RosterPerson[] = [];
  let token: string | undefined;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await TeamsInfo.getPagedMembers(turn, PAGE_SIZE, token);
      for (const m of res.members ?? []) {
        if (m.id) people.push({ userId: m.id, name: m.name || m.givenName || m.id, aadObjectId: m.aadObjectId ?? null });
      }
      token = res.continuationToken || undefined;
      if (!token) break;
    }
  } catch (e) {
    const status = (e as { statusCode?: unknown }).statusCode;
    throw new AppError('delivery-failed', `Could not read the team roster${typeof status === 'number' ? ` (${status})` : ''}`, {
      status: typeof status === 'number' ? status : null,
    });
  }
  return people.sort((a, b) => a.name.localeCompare(b.name, 'da'));
}
