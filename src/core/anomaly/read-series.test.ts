import { parseTime, readSeriesCsv } from './read-series';

describe('reading a timestamp,value file', () => {
  it('reads numbers as finance files write them and keeps every row in order', () => {
    const { rows, problems } = readSeriesCsv('\uFEFFTimestamp,Value,Label\n2026-01-31,"1,234.50",0\n2026-02-28,(250),1\n2026-03-31,1.5e3\n2026-04-30,-7\n');
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.line, r.timestamp, r.value])).toEqual([
      [2, '2026-01-31', 1234.5],
      [3, '2026-02-28', -250],
      [4, '2026-03-31', 1500],
      [5, '2026-04-30', -7],
    ]);
  });

  it('keeps unreadable values as null with a located warning in both languages', () => {
    const { rows, problems } = readSeriesCsv('timestamp,value\n2026-01-01,\n2026-01-02,#DIV/0!\n2026-01-03,twelve\nlater,4\n');
    expect(rows.map((r) => r.value)).toEqual([null, null, null, 4]);
    expect(problems.map((p) => [p.severity, p.path, p.code])).toEqual([
      ['warning', 'line 2', 'anomaly.blankValue'],
      ['warning', 'line 3', 'anomaly.cellError'],
      ['warning', 'line 4', 'anomaly.badValue'],
      ['warning', 'line 5', 'anomaly.badTimestamp'],
    ]);
    expect(problems[2]!.message['zh-CN']).toBe('第 4 行：值"twelve"不是数字，该点输出为 null，不参与评分');
    expect(rows[3]).toMatchObject({ timestamp: 'later', time: NaN });
  });

  it('insists on a header and says what it found instead', () => {
    const { rows, problems } = readSeriesCsv('when,amount\n2026-01-01,3\n');
    expect(rows).toEqual([]);
    expect(problems[0]).toMatchObject({ severity: 'error', code: 'anomaly.noHeader', params: { found: 'when,amount' } });
    expect(readSeriesCsv('日期,金额\n2026-01-01,3\n').problems).toEqual([]);
    expect(readSeriesCsv('timestamp,value\n').problems[0]).toMatchObject({ severity: 'error', code: 'anomaly.noRows' });
  });

  it('reads times with seconds, fractions and zones, and plain dates', () => {
    expect(parseTime('2014-04-10 07:15:00')).toBe(Date.UTC(2014, 3, 10, 7, 15));
    expect(parseTime('2018-03-15T00:00:00Z')).toBe(Date.UTC(2018, 2, 15));
    expect(parseTime('2026-01-31T08:00:00+08:00')).toBe(Date.UTC(2026, 0, 31));
    expect(parseTime('2026-01-31 13:45:07.250')).toBe(Date.UTC(2026, 0, 31, 13, 45, 7, 250));
    expect(parseTime('2026-01')).toBe(Date.UTC(2026, 0, 1));
    expect(parseTime('2026年3月5日')).toBe(Date.UTC(2026, 2, 5));
    expect(parseTime('soon')).toBeNaN();
  });
});
