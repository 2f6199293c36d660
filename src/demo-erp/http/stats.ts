export interface RouteStats {
  requests: number;
  bytesSent: number;
}

export interface StatsSnapshot extends RouteStats {
  tokensIssued: number;
  byRoute: Record<string, RouteStats>;
}

/**
 * Requests and body bytes per route (`GET /api/page`, `POST /oauth/token`…), for the benchmark's
 * bytes-on-the-wire figures. Admin routes are not counted, so reading the stats does not move them.
 */
export class Stats {
  private total: RouteStats = { requests: 0, bytesSent: 0 };
  private byRoute = new Map<string, RouteStats>();
  private tokensIssued = 0;

  tokenIssued(): void {
    this.tokensIssued += 1;
  }

  record(route: string, bytes: number): void {
    this.total.requests += 1;
    this.total.bytesSent += bytes;
    const r = this.byRoute.get(route) ?? { requests: 0, bytesSent: 0 };
    r.requests += 1;
    r.bytesSent += bytes;
    this.byRoute.set(route, r);
  }

  snapshot(): StatsSnapshot {
    const byRoute = Object.fromEntries([...this.byRoute].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, { ...v }]));
    return { ...this.total, tokensIssued: this.tokensIssued, byRoute };
  }

  reset(): void {
    this.total = { requests: 0, bytesSent: 0 };
    this.byRoute.clear();
    this.tokensIssued = 0;
  }
}
