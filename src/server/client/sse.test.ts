import { readEvents, type SseEvent } from './sse';

/** A stream that delivers the text in the given pieces, as a network would. */
function streamOf(pieces: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      pieces.forEach((p) => controller.enqueue(encoder.encode(p)));
      controller.close();
    },
  });
}

async function collect(pieces: string[]): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const e of readEvents(streamOf(pieces))) events.push(e);
  return events;
}

describe('readEvents', () => {
  it('reassembles events split anywhere, skipping comments and retry lines', async () => {
    const text = 'retry: 2000\n: seq 4\n\nid: 5\nevent: change\ndata: {"id":"revenue"}\n\n: ping\n\nid: 6\nevent: change\ndata: {"id":"cost"}\n\n';
    const expected = [
      { id: '5', event: 'change', data: '{"id":"revenue"}' },
      { id: '6', event: 'change', data: '{"id":"cost"}' },
    ];
    expect(await collect([text])).toStrictEqual(expected);
    expect(await collect(text.split(''))).toStrictEqual(expected);
    const crlf = text.replace(/\n/g, '\r\n');
    const splitInsideCrlf = crlf.indexOf('id: 5\r') + 'id: 5\r'.length;
    expect(await collect([crlf.slice(0, splitInsideCrlf), crlf.slice(splitInsideCrlf)])).toStrictEqual(expected);
  });

  it('joins multi-line data and keeps the last id', async () => {
    expect(await collect(['data: a\ndata: b\n\n'])).toStrictEqual([{ event: 'message', data: 'a\nb' }]);
  });
});
