import { canSee, departmentDenial } from '../domain/access';
import type { CatalogId, User, Version, View } from '../domain/model';
import type { ChangeView } from '../api/types';
import type { CatalogRepository } from '../storage/repository';
import { departmentOf } from './definitions';

/**
 * Whether a change may be shown to a user: editors of its department who asked for the working
 * view see every step; everyone else only publications of definitions they may see.
 */
export function changeVisible(user: User, v: Version, view: View): boolean {
  const department = departmentOf(v.body);
  if (view === 'working' && departmentDenial(user, 'edit', department) === undefined) return true;
  return (v.action === 'publish' || v.action === 'deprecate') && canSee(user, v.body, department);
}

export const changeView = (v: Version): ChangeView => ({
  seq: v.seq,
  kind: v.kind,
  id: v.id,
  rev: v.rev,
  status: v.status,
  action: v.action,
  author: v.author,
  at: v.at,
});

interface Subscriber {
  cursor: number;
  deliver(versions: Version[]): void;
}

interface Watch {
  subscribers: Set<Subscriber>;
  timer: ReturnType<typeof setInterval>;
  busy: boolean;
  again: boolean;
}

const PAGE = 500;

/**
 * Fans the change feed out to open server-sent-event streams. Commits made by this instance wake
 * it at once; commits made by other instances on the same database are picked up by polling,
 * which runs only for catalogs somebody is watching.
 */
export class ChangeHub {
  private readonly watches = new Map<CatalogId, Watch>();

  constructor(
    private readonly repo: CatalogRepository,
    private readonly pollMs = 1000,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  subscribe(catalog: CatalogId, since: number, deliver: (versions: Version[]) => void): () => void {
    const sub: Subscriber = { cursor: since, deliver };
    let watch = this.watches.get(catalog);
    if (!watch) {
      const timer = setInterval(() => this.poke(catalog), this.pollMs);
      timer.unref();
      watch = { subscribers: new Set(), timer, busy: false, again: false };
      this.watches.set(catalog, watch);
    }
    watch.subscribers.add(sub);
    this.poke(catalog);
    return () => {
      const w = this.watches.get(catalog);
      if (!w) return;
      w.subscribers.delete(sub);
      if (w.subscribers.size === 0) {
        clearInterval(w.timer);
        this.watches.delete(catalog);
      }
    };
  }

  /** Something changed (or may have): read what is new since the slowest subscriber and hand it out. */
  poke(catalog: CatalogId): void {
    const watch = this.watches.get(catalog);
    if (!watch) return;
    if (watch.busy) {
      watch.again = true;
      return;
    }
    watch.busy = true;
    this.drain(catalog, watch)
      .catch(this.onError)
      .finally(() => {
        watch.busy = false;
        if (watch.again) {
          watch.again = false;
          this.poke(catalog);
        }
      });
  }

  private async drain(catalog: CatalogId, watch: Watch): Promise<void> {
    for (;;) {
      if (watch.subscribers.size === 0) return;
      const from = Math.min(...[...watch.subscribers].map((s) => s.cursor));
      const versions = await this.repo.versionsSince(catalog, from, PAGE);
      if (versions.length === 0) return;
      const last = versions[versions.length - 1]!.seq;
      for (const sub of watch.subscribers) {
        const fresh = versions.filter((v) => v.seq > sub.cursor);
        sub.cursor = Math.max(sub.cursor, last);
        if (fresh.length > 0) sub.deliver(fresh);
      }
      if (versions.length < PAGE) return;
    }
  }

  close(): void {
    this.watches.forEach((w) => clearInterval(w.timer));
    this.watches.clear();
  }
}
