import { locateJsonError } from './json-error';

describe('locateJsonError', () => {
  it.each([
    ['{"a": [,]}', 1, 8],
    ['{\n  "a": 1,\n}', 3, 1],
    ['{\n  "a": tru\n}', 2, 8],
    ['{"a": 1} x', 1, 10],
    ['{"a": "unterminated', 1, 20],
    ["{'a': 1}", 1, 2],
    ['', 1, 1],
  ])('%p fails at line %d column %d', (text, line, column) => {
    expect(locateJsonError(text)).toEqual({ line, column });
  });
  it.each(['{}', '[1, -2.5e3, "x\\"y", true, false, null, {"a": []}]', ' \n{"a":{"b":[{}]}}\n'])('accepts %p', (text) => {
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(locateJsonError(text)).toBeUndefined();
  });
});
