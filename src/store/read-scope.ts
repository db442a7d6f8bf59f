/**
 * One turn's reads, remembered for that turn: a decision save looks at the forum, the meeting and the
 * decision from several places (access check, form mapping, the card it answers with), and each look
 * used to be a storage round trip. Within the scope a repeated read is answered from memory; any write
 * to a repository (successful or not) forgets everything read from that repository, so a read after a
 * write, or after a conflict, always goes to storage. `end()` closes the scope: from then on every call
 * goes straight through, so work that outlives the turn (background runs) never sees old data.
 */
import type { Store } from './ports';

/** The read methods of each repository; every other method is a write. */
const READS: { readonly [K in keyof Store]?: readonly string[] } = {
  forums: ['get', 'findByConversation', 'findByMember', 'list'],
  conversations: ['get', 'getPersonal', 'getLocale'],
  meetings: ['get', 'listByForum'],
  decisions: ['get', 'listByMeeting', 'history'],
  responses: ['listByMeeting', 'listByItem'],
  followUps: ['get', 'listByForum', 'listByMeeting', 'listOpenByAssignee'],
  cascade: ['get', 'listByMeeting'],
  jobs: ['get', 'listByForum'],
  audit: ['listByForum'],
};

/** Reads whose answer also answers another read: a forum found by its conversation is that forum's `get`. */
const ALSO_ANSWERS: { readonly [repo: string]: { readonly [read: string]: (value: unknown) => { read: string; args: unknown[] } | null } } = {
  forums: { findByConversation: (v) => (isVersionedWithId(v) ? { read: 'get', args: [v.value.id] } : null) },
};

/** Writes whose result is what a following read would fetch: a saved decision is that decision's `get`. */
const WRITE_ANSWERS: { readonly [repo: string]: { readonly [write: string]: (result: unknown) => { read: string; args: unknown[] } | null } } = {
  decisions: { save: (r) => (isVersionedDecision(r) ? { read: 'get', args: [r.value.meetingId, r.value.itemNumber] } : null) },
};

function isVersionedDecision(v: unknown): v is { value: { meetingId: string; itemNumber: number } } {
  const value = (v as { value?: { meetingId?: unknown; itemNumber?: unknown } } | null)?.value;
  return typeof value?.meetingId === 'string' && typeof value.itemNumber === 'number';
}

function isVersionedWithId(v: unknown): v is { value: { id: string } } {
  const value = (v as { value?: { id?: unknown } } | null)?.value;
  return typeof value?.id === 'string';
}

type AsyncMethod = (...args: unknown[]) => Promise<unknown>;

export interface ReadScope {
  store: Store;
  /** Storage calls answered from memory so far. */
  hits(): number;
  end(): void;
}

export function readScope(store: Store): ReadScope {
  let open = true;
  let hits = 0;
  const caches = new Map<string, Map<string, Promise<unknown>>>();
  const forget = (repo: string) => caches.delete(repo);

  const cachedRead = (repo: string, name: string, method: AsyncMethod): AsyncMethod => {
    return (...args) => {
      if (!open) return method(...args);
      const entries = caches.get(repo) ?? new Map<string, Promise<unknown>>();
      caches.set(repo, entries);
      const key = `${name}|${JSON.stringify(args)}`;
      let pending = entries.get(key);
      if (pending) hits++;
      else {
        const mine = method(...args);
        pending = mine;
        entries.set(key, mine);
        mine.then(
          (value) => {
            const also = ALSO_ANSWERS[repo]?.[name]?.(value);
            const alsoKey = also && `${also.read}|${JSON.stringify(also.args)}`;
            if (alsoKey && entries.get(key) === mine && !entries.has(alsoKey)) entries.set(alsoKey, mine);
          },
          () => {
            if (entries.get(key) === mine) entries.delete(key);
          },
        );
      }
      // Callers may change what they get (to save it back): each gets its own copy.
      return pending.then((value) => structuredClone(value));
    };
  };

  const write = (repo: string, name: string, method: AsyncMethod): AsyncMethod => {
    return async (...args) => {
      forget(repo);
      let result: unknown;
      try {
        result = await method(...args);
      } finally {
        forget(repo);
      }
      const answers = open ? WRITE_ANSWERS[repo]?.[name]?.(result) : null;
      if (answers) caches.set(repo, new Map([[`${answers.read}|${JSON.stringify(answers.args)}`, Promise.resolve(structuredClone(result))]]));
      return result;
    };
  };

  const wrapRepo = (repo: string, target: object): object => {
    const reads = new Set(READS[repo as keyof Store] ?? []);
    return new Proxy(target, {
      get(obj, prop, receiver) {
        const value: unknown = Reflect.get(obj, prop, receiver);
        if (typeof prop !== 'string' || typeof value !== 'function') return value;
        const method = (value as AsyncMethod).bind(obj);
        return reads.has(prop) ? cachedRead(repo, prop, method) : write(repo, prop, method);
      },
    });
  };

  const repos = new Map<string, object>();
  const cached = new Proxy(store, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (typeof prop !== 'string') return value;
      if (typeof value === 'function') {
        // Store-wide operations (import, export, ping): forget everything around them.
        const method = (value as AsyncMethod).bind(obj);
        return async (...args: unknown[]) => {
          caches.clear();
          try {
            return await method(...args);
          } finally {
            caches.clear();
          }
        };
      }
      if (typeof value !== 'object' || value === null) return value;
      let repo = repos.get(prop);
      if (!repo) {
        repo = wrapRepo(prop, value);
        repos.set(prop, repo);
      }
      return repo;
    },
  });

  return {
    store: cached,
    hits: () => hits,
    end: () => {
      open = false;
      caches.clear();
    },
  };
}
