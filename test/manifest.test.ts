import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const hasSchemas = existsSync(join(ROOT, '../shared/schemas/office-manifest/OfficeAppManifestV1_1.xsd'));

describe('manifest.xml', () => {
  (hasXmllint && hasSchemas ? it : it.skip)('validates offline against the Office add-in XSDs', () => {
    const out = execFileSync('bash', [join(ROOT, 'scripts/validate-manifest.sh')], { encoding: 'utf8' });
    expect(out).toContain('OK:');
  });

  it('rejects a broken manifest (the validation can fail)', () => {
    if (!hasXmllint || !hasSchemas) return;
    const file = join(mkdtempSync(join(tmpdir(), 'manifest-')), 'manifest.xml');
    writeFileSync(file, manifest.replace('<ProviderName>FinPulse</ProviderName>', ''));
    const run = spawnSync('bash', [join(ROOT, 'scripts/validate-manifest.sh'), file], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('does not validate');
  });

  it('is an Excel task pane with a minimum ExcelApi set, a ribbon button and zh-CN / en-US names', () => {
    expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<Host Name="Workbook"\/>/);
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.\d+"\/>/);
    expect(manifest).toMatch(/<DefaultLocale>en-US<\/DefaultLocale>/);
    expect(manifest).toMatch(/<DisplayName DefaultValue="FinPulse">\s*<Override Locale="zh-CN" Value="[^"]+"\/>/);
    expect(manifest).toMatch(/<Control xsi:type="Button"/);
    expect(manifest).toMatch(/<SourceLocation DefaultValue="https:\/\/localhost:3000\/taskpane\.html"\/>/);
  });

  it('points at icons that exist in assets/', () => {
    const icons = [...manifest.matchAll(/https:\/\/localhost:3000\/(assets\/[\w.-]+\.png)/g)].map((m) => m[1]!);
    expect(icons.length).toBeGreaterThanOrEqual(4);
    for (const icon of icons) expect(existsSync(join(ROOT, icon))).toBe(true);
  });
});
