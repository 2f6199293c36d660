import { AppError } from '../errors';
import { Redactor, REDACTED } from './redact';
import { base64Utf8, utf8Length } from '../encoding';

describe('redaction', () => {
  it('removes a secret in plain, URL-encoded and HTTP Basic form', () => {
    const r = new Redactor();
    r.add('s3cr&t key');
    r.addBasic('demo', 'demo-password');
    expect(r.redact('GET /x?api_key=s3cr%26t%20key failed: s3cr&t key')).toBe(`GET /x?api_key=${REDACTED} failed: ${REDACTED}`);
    expect(r.redact(`Authorization: Basic ${base64Utf8('demo:demo-password')}`)).toBe(`Authorization: Basic ${REDACTED}`);
    expect(r.redact('password demo-password')).toBe(`password ${REDACTED}`);
  });

  it('removes the longer of two overlapping secrets whole', () => {
    const r = new Redactor();
    r.add('abc');
    r.add('abcdef');
    expect(r.redact('xabcdefx abc')).toBe(`x${REDACTED}x ${REDACTED}`);
  });

  it('rebuilds errors without the secret in parameters or messages, and drops the cause', () => {
    const r = new Redactor();
    r.add('tok-123');
    const e = r.error(new AppError('source.http', { source: 'gl', status: 500, url: 'http://h/api?token=tok-123', detail: 'bad token tok-123' }, { cause: new Error('tok-123') }));
    expect(e.code).toBe('source.http');
    expect(JSON.stringify({ meta: e.meta, text: e.text, message: e.message })).not.toContain('tok-123');
    expect(e.cause).toBeUndefined();
    const plain = r.error(new Error('socket closed after tok-123'));
    expect(plain.code).toBe('internal');
    expect(plain.message).not.toContain('tok-123');
  });
});

describe('utf8', () => {
  it('counts bytes and encodes base64 as the standard does', () => {
    expect(utf8Length('a€😀')).toBe(1 + 3 + 4);
    expect(base64Utf8('demo:demo-password')).toBe('ZGVtbzpkZW1vLXBhc3N3b3Jk');
    expect(base64Utf8('用户:密')).toBe('55So5oi3OuWvhg==');
    expect(base64Utf8('ab')).toBe('YWI=');
  });
});
