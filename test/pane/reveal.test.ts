import { formatRef } from '../../src/core/a1';
import { ledgerBinding, ledgerWorkbook, noticeTexts, openPane, waitFor, type Pane } from './pane-harness';

describe('"Show in workbook": revealFinding selects the finding\'s marked cells', () => {
  let pane: Pane;

  beforeAll(async () => {
    const { book, rows } = ledgerWorkbook();
    pane = openPane({ book });
    await pane.session.ready;
    expect(await pane.session.actions.saveBinding(ledgerBinding(rows))).toEqual([]);
    await pane.session.actions.refreshAll();
  });
  afterAll(async () => {
    await pane.close();
  });

  const state = () => pane.session.getState();
  const actions = () => pane.session.actions;
  /** A finding with a mark, and its mark, from the refresh. */
  const marked = async () => {
    const marks = await pane.host.listMarks();
    const finding = state().results!.findings.find((f) => marks.some((m) => m.findingId === f.id));
    if (!finding) throw new Error(`the refresh marked no finding (notices: ${noticeTexts(state()).join(' | ')})`);
    return { finding, mark: marks.find((m) => m.findingId === finding.id)! };
  };

  it('moves the selection to the marked cell, which the pane does not take for the user\'s click', async () => {
    const { finding, mark } = await marked();
    pane.host.userSelects({ sheet: 'Ledger', address: 'B2' });
    await waitFor(pane.session, (s) => s.selection?.address === 'B2');
    actions().setView('findings');
    const notices = state().notices.length;

    await actions().revealFinding(finding.id);

    expect(mark.sheet).not.toBe('Ledger');
    expect(await pane.host.getSelection()).toEqual({ sheet: mark.sheet, address: mark.address });
    expect(pane.host.workbook.selection).toEqual({ sheet: mark.sheet, address: mark.address });
    // Only the user's selections open Explain: the view and the pane's idea of the selection stay.
    expect(state().view).toBe('findings');
    expect(state().selection).toEqual({ sheet: 'Ledger', address: 'B2' });
    expect(state().notices).toHaveLength(notices);
  });

  it('says where the cell is when the host cannot show it (its sheet is hidden)', async () => {
    const { finding, mark } = await marked();
    const sheet = pane.host.workbook.sheet(mark.sheet)!;
    pane.host.userSelects({ sheet: 'Ledger', address: 'C3' });
    sheet.visible = false;
    try {
      await actions().revealFinding(finding.id);
    } finally {
      sheet.visible = true;
    }
    expect(await pane.host.getSelection()).toEqual({ sheet: 'Ledger', address: 'C3' });
    expect(noticeTexts(state()).at(-1)).toBe(`info: The finding is marked at ${formatRef({ sheet: mark.sheet, address: mark.address })}`);
  });

  it('a finding without a mark gets an error notice and the selection stays', async () => {
    pane.host.userSelects({ sheet: 'Ledger', address: 'D4' });
    await actions().revealFinding('no-such-finding');
    expect(noticeTexts(state()).at(-1)).toMatch(/^error: .*Finding no-such-finding is not marked in the workbook/);
    expect(await pane.host.getSelection()).toEqual({ sheet: 'Ledger', address: 'D4' });
  });
});
