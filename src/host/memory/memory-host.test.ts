import { describeHostContract } from '../testing/contract-suite';
import { createMemoryHost } from './memory-host';
import { MemoryWorkbook } from './workbook';

describeHostContract('memory', (seed) => {
  const workbook = MemoryWorkbook.fromSeed(seed);
  const host = createMemoryHost(workbook);
  return Promise.resolve({
    host,
    userSelects: (ref) => host.userSelects(ref),
    // The memory host keeps everything in one object: reopening is a new host over the same book.
    reopen: () => Promise.resolve(createMemoryHost(workbook)),
  });
});
