/** What `npm start` tells the page: where the demo ERP listens (ERP_PORT may move it). */
export interface WorkbenchConfig {
  erpUrl?: string;
}

/**
 * `?erp=URL` wins (tests, a second ERP); else /workbench-config.json written by scripts/start.ts;
 * else no demo ERP (a plain static server, the e2e harness).
 */
export async function loadConfig(search: string): Promise<WorkbenchConfig> {
  const erp = new URLSearchParams(search).get('erp');
  if (erp) return { erpUrl: erp };
  try {
    const res = await fetch('workbench-config.json', { cache: 'no-store' });
    if (!res.ok) return {};
    const body = (await res.json()) as unknown;
    const url = typeof body === 'object' && body !== null && 'erpUrl' in body ? body.erpUrl : undefined;
    return typeof url === 'string' ? { erpUrl: url } : {};
  } catch {
    return {};
  }
}
