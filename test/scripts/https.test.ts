import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { get as httpsGet, type RequestOptions } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readTlsPair, serveStatic, type StaticServer, type TlsPair } from '../../scripts/static-server';

const ROOT = resolve(__dirname, '../..');
const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
const itWithOpenssl = hasOpenssl ? it : it.skip;
if (!hasOpenssl) console.warn('https tests skipped: openssl is not installed (apt-get install openssl) to make a test certificate');

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'finpulse-https-'));

/** A fresh self-signed certificate for localhost (EC P-256: quick to make), as the dev-certs tool would write it. */
function makeCertificate(dir: string, name = 'localhost'): { key: string; cert: string } {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.crt`);
  const made = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert,
  ], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr}`);
  return { key, cert };
}

/** The built pane's two files the server must deliver, in a folder of their own. */
function paneFolder(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'taskpane.html'), '<!doctype html><title>FinPulse</title><div id="root"></div>\n');
  writeFileSync(join(dir, 'manifest.xml'), '<OfficeApp/>\n');
  return dir;
}

interface Reply {
  status: number;
  type: string;
  body: string;
}

function fetchOver(get: typeof httpsGet | typeof httpGet, url: string, options: RequestOptions = {}): Promise<Reply> {
  return new Promise((done, fail) => {
    get(url, options, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    }).on('error', fail);
  });
}

describe('static server over https (sideloading into Excel)', () => {
  let server: StaticServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  itWithOpenssl('serves taskpane.html over https with the dev certificate, which is valid for localhost', async () => {
    const certs = tempDir();
    makeCertificate(certs);
    const pair: TlsPair = await readTlsPair({}, certs);
    server = await serveStatic(paneFolder(), { port: 0, https: pair });
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    // Trusting this certificate alone (no installed CA) and checking it names localhost, as Excel's webview would.
    const verified = await fetchOver(httpsGet, `${server.url}/taskpane.html`, { ca: pair.cert, servername: 'localhost' });
    expect(verified).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(verified.body).toContain('<title>FinPulse</title>');
    const anyCert = await fetchOver(httpsGet, `${server.url}/manifest.xml`, { rejectUnauthorized: false });
    expect(anyCert).toMatchObject({ status: 200, body: '<OfficeApp/>\n' });
    await expect(fetchOver(httpGet, `${server.url.replace('https:', 'http:')}/taskpane.html`)).rejects.toThrow();
  });

  it('stays plain http without a certificate: the workbench needs no CA', async () => {
    server = await serveStatic(paneFolder(), { port: 0 });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await fetchOver(httpGet, `${server.url}/taskpane.html`)).toMatchObject({ status: 200 });
  });

  it('sends / to the workbench with its query, so /?lang=zh-CN&theme=dark configures it', async () => {
    server = await serveStatic(paneFolder(), { port: 0 });
    const reply = await fetch(`${server.url}/?lang=zh-CN&theme=dark`, { redirect: 'manual' });
    expect(reply.status).toBe(302);
    expect(reply.headers.get('location')).toBe('/workbench.html?lang=zh-CN&theme=dark');
  });

  itWithOpenssl('takes the key and certificate from HTTPS_KEY and HTTPS_CERT', async () => {
    const own = makeCertificate(tempDir(), 'finance-dev');
    const pair = await readTlsPair({ HTTPS_KEY: own.key, HTTPS_CERT: own.cert }, join(tempDir(), 'empty'));
    expect(pair.cert.equals(readFileSync(own.cert))).toBe(true);
    expect(pair.key.equals(readFileSync(own.key))).toBe(true);
  });

  itWithOpenssl('refuses a key that does not belong to the certificate', async () => {
    const a = makeCertificate(tempDir());
    const b = makeCertificate(tempDir());
    const mixed = { key: readFileSync(a.key), cert: readFileSync(b.cert) };
    await expect(serveStatic(paneFolder(), { port: 0, https: mixed })).rejects.toThrow(/the https key and certificate cannot be used .*matching PEM pair/);
  });
});

describe('which certificate file is missing, and how to make it', () => {
  it('names the missing dev certificate file and the command that makes it', async () => {
    const dir = tempDir();
    await expect(readTlsPair({}, dir)).rejects.toThrow(`HTTPS=1 needs the private key ${join(dir, 'localhost.key')}, which is missing. Make it with "npx office-addin-dev-certs install"`);
    writeFileSync(join(dir, 'localhost.key'), 'key');
    await expect(readTlsPair({}, dir)).rejects.toThrow(`HTTPS=1 needs the certificate ${join(dir, 'localhost.crt')}, which is missing.`);
  });

  it('names the file HTTPS_CERT points at, and wants both variables', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'k.pem'), 'key');
    await expect(readTlsPair({ HTTPS_KEY: join(dir, 'k.pem'), HTTPS_CERT: join(dir, 'nope.pem') }, dir)).rejects.toThrow(
      `HTTPS=1 needs the certificate ${join(dir, 'nope.pem')}, which is missing. Check HTTPS_KEY and HTTPS_CERT.`,
    );
    await expect(readTlsPair({ HTTPS_KEY: join(dir, 'k.pem') }, dir)).rejects.toThrow('HTTPS_KEY is set but HTTPS_CERT is not');
    mkdirSync(join(dir, 'folder.pem'));
    await expect(readTlsPair({ HTTPS_KEY: join(dir, 'folder.pem'), HTTPS_CERT: join(dir, 'k.pem') }, dir)).rejects.toThrow(/folder\.pem, which cannot be read \(EISDIR\)/);
  });

  it('npm start with HTTPS=1 and no certificate stops with that message before serving anything', async () => {
    const home = tempDir();
    const run = await new Promise<{ code: number | null; err: string }>((done) => {
      const child = execFile(
        process.execPath,
        [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/start.ts')],
        { env: { ...process.env, HTTPS: '1', HOME: home, PORT: '0', ERP_PORT: '0' }, timeout: 30_000 },
        (_error, _out, err) => done({ code: child.exitCode, err }),
      );
    });
    expect(run.code).toBe(1);
    expect(run.err).toContain(`FinPulse: HTTPS=1 needs the private key ${join(home, '.office-addin-dev-certs', 'localhost.key')}, which is missing.`);
    expect(run.err).toContain('npx office-addin-dev-certs install');
  });
});
