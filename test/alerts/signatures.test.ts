import { createHmac } from 'node:crypto';
import { alertMessage, prepareRequest, sampleAlertContent } from '../../src/core/alerts';
import { hmacSha256, sign, toBase64, toHex } from '../../src/notify';

/*
 * The Web Crypto signer against independent references: RFC 4231's published HMAC-SHA256 vectors,
 * and each platform's documented recipe recomputed here with node:crypto.
 */

const message = alertMessage(sampleAlertContent(), 'zh-CN');
const NOW = 1_775_000_000_123;

describe('HMAC-SHA256 through Web Crypto', () => {
  it('matches RFC 4231 test cases 1 and 2', async () => {
    expect(toHex(await hmacSha256('\x0b'.repeat(20), 'Hi There'))).toBe('b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
    expect(toHex(await hmacSha256('Jefe', 'what do ya want for nothing?'))).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('encodes keys and data as UTF-8, like node:crypto', async () => {
    const mac = await hmacSha256('密钥-κλειδί', '签名 ✓');
    expect(toBase64(mac)).toBe(createHmac('sha256', '密钥-κλειδί').update('签名 ✓').digest('base64'));
  });
});

describe('platform signatures', () => {
  it('DingTalk: urlEncode(Base64(HmacSHA256(secret, timestamp + "\\n" + secret)))', async () => {
    const secret = 'SEC1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcd';
    const prepared = prepareRequest({ type: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=t', secret }, message, NOW);
    const signed = prepared.signing!.apply(await sign(prepared.signing!.input));
    const reference = encodeURIComponent(createHmac('sha256', secret).update(`${NOW}\n${secret}`).digest('base64'));
    expect(signed.url).toBe(`https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=${NOW}&sign=${reference}`);
  });

  it('Feishu: Base64(HmacSHA256(key = timestamp + "\\n" + secret, message = ""))', async () => {
    const secret = 'qRst7UvWx9yZ0aBcDeF1gH';
    const prepared = prepareRequest({ type: 'feishu', url: 'https://open.feishu.cn/open-apis/bot/v2/hook/x', secret }, message, NOW);
    const body = JSON.parse(prepared.signing!.apply(await sign(prepared.signing!.input)).body) as { timestamp: string; sign: string };
    const seconds = String(Math.floor(NOW / 1000));
    expect(body.timestamp).toBe(seconds);
    expect(body.sign).toBe(createHmac('sha256', `${seconds}\n${secret}`).update('').digest('base64'));
    // Swapping key and message gives a valid-looking but wrong signature; make sure that is not what we send.
    expect(body.sign).not.toBe(createHmac('sha256', secret).update(`${seconds}\n${secret}`).digest('base64'));
  });

  it('webhook: sha256=<hex HMAC of the exact body bytes sent>', async () => {
    const prepared = prepareRequest({ type: 'webhook', url: 'https://erp.example.com/hooks/finpulse', secret: 'whsec_x' }, message, NOW);
    const signed = prepared.signing!.apply(await sign(prepared.signing!.input));
    expect(signed.headers['X-FinPulse-Signature']).toBe(`sha256=${createHmac('sha256', 'whsec_x').update(Buffer.from(signed.body, 'utf8')).digest('hex')}`);
    expect(signed.headers['X-FinPulse-Timestamp']).toBe(String(Math.floor(NOW / 1000)));
  });
});
