/**
 * The report's only stylesheet, inlined so the file stands alone (mailed, archived, opened offline).
 * Mobile first: at phone width the wide tables stack each row into label/value lines instead of
 * scrolling sideways; print keeps sections whole and drops the colours' backgrounds' cost.
 */
export const REPORT_CSS = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;color:#1b1b1f;background:#f6f7f9}
main{max-width:980px;margin:0 auto;padding:12px}
header.top{background:#fff;border-radius:8px;padding:12px 14px;margin-bottom:12px;border-left:6px solid #2f7d32}
header.top.fail{border-left-color:#b3261e}
header.top.incomplete{border-left-color:#6b6b6b}
h1{font-size:1.3rem;margin:0 0 4px}
h2{font-size:1.1rem;margin:0 0 8px}
h3{font-size:1rem;margin:10px 0 6px}
section{background:#fff;border-radius:8px;padding:12px 14px;margin-bottom:12px;break-inside:avoid-page}
.meta{color:#555;font-size:.85rem;overflow-wrap:anywhere}
.counts{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0 0;padding:0;list-style:none}
.counts li{background:#eef1f5;border-radius:12px;padding:2px 10px;font-size:.85rem}
table{width:100%;border-collapse:collapse;font-size:.9rem}
th,td{text-align:left;padding:5px 6px;border-bottom:1px solid #e3e5e8;vertical-align:top;overflow-wrap:anywhere}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.kpi td.spark{width:112px}
table.kpi svg{display:block;max-width:100%;height:auto}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:.78rem;font-weight:600;white-space:nowrap}
.notice{background:#fff4ce;color:#5c4400}
.warning{background:#ffd8a8;color:#6a3200}
.critical{background:#f8b4b4;color:#6b0f0f}
.ok,.agrees,.fresh{background:#d7f0d8;color:#1d4f20}
.breaks,.stale,.failed,.error{background:#f8b4b4;color:#6b0f0f}
.card{border:1px solid #e3e5e8;border-radius:6px;padding:8px 10px;margin:0 0 8px;break-inside:avoid}
.card p{margin:4px 0}
.drivers{margin:4px 0 0 18px;padding:0;font-size:.88rem}
.more{color:#555;font-size:.85rem}
footer{color:#666;font-size:.8rem;padding:4px 2px 16px}
@media (max-width:600px){
  main{padding:6px}
  table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
  table.stack tr{border-bottom:1px solid #d0d3d8;padding:4px 0}
  table.stack td{border:0;padding:2px 0;display:flex;gap:8px;justify-content:space-between;text-align:right;white-space:normal}
  table.stack td::before{content:attr(data-label);color:#555;text-align:left;font-weight:600}
}
@media print{
  body{background:#fff;font-size:11pt}
  main{max-width:none;padding:0}
  section,header.top{border:1px solid #ccc;break-inside:avoid-page}
  .badge{border:1px solid #888}
}
`;
