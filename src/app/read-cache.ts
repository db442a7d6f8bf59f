/**
 * Forums and meetings read once per sweep (or per card redraw): a sweep sends hundreds of cards from
 * a few forums and meetings. Lives only as long as one sweep, so changes show up in the next one.
 */
import type { AppDeps } from './deps';
import type { Forum, Meeting } from '../domain';

export class ReadCache {
  private readonly forums = new Map<string, Promise<Forum | null>>();
  private readonly meetings = new Map<string, Promise<Meeting | null>>();

  constructor(private readonly deps: AppDeps) {}

  forum(forumId: string): Promise<Forum | null> {
    let hit = this.forums.get(forumId);
    if (!hit) {
      hit = this.deps.store.forums.get(forumId).then((f) => f?.value ?? null);
      this.forums.set(forumId, hit);
      hit.catch(() => this.forums.delete(forumId));
    }
    return hit;
  }

  meeting(forumId: string, meetingId: string): Promise<Meeting | null> {
    const key = `${forumId}\u0000${meetingId}`;
    let hit = this.meetings.get(key);
    if (!hit) {
      hit = this.deps.store.meetings.get(forumId, meetingId).then((m) => m?.value ?? null);
      this.meetings.set(key, hit);
      hit.catch(() => this.meetings.delete(key));
    }
    return hit;
  }

  /** Forums by id; one that no longer exists maps to null. */
  async forumsById(ids: string[]): Promise<Map<string, Forum | null>> {
    const unique = [...new Set(ids)];
    const forums = await Promise.all(unique.map((id) => this.forum(id)));
    return new Map(unique.map((id, i) => [id, forums[i]]));
  }
}
