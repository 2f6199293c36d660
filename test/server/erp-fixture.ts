import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stand-in ERP on 127.0.0.1: JSON data, a redirect inside the host, and one to another host. */
export async function startErp(): Promise<{ origin: string; port: number; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  let port = 0;
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url} key=${String(req.headers['x-api-key'] ?? '')} cookie=${req.headers.cookie ?? ''}`);
    if (req.url === '/api/ledger') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ rows: [{ account: '6001', amount: 1250.5 }] }));
    } else if (req.url === '/moved') {
      res.writeHead(302, { Location: '/api/ledger' }).end();
    } else if (req.url === '/escape') {
      res.writeHead(302, { Location: `http://localhost:${port}/api/ledger` }).end();
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return { origin: `http://127.0.0.1:${port}`, port, seen, close: () => new Promise((r) => server.close(() => r())) };
}

/** A request sent byte for byte, path included: fetch would normalise `..` away before sending. */
export function rawRequest(url: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
