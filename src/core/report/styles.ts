/**
 * The report's only stylesheet, inlined so the file stands alone (mailed, archived, opened offline).
 * Mobile first: the summary tiles wrap three to a row, wide tables stack each row into label/value
 * lines and the KPI rows fold into two lines, so nothing scrolls sideways at 375 px. Print opens
 * every disclosure (a closed one would print as its summary line alone) and drops backgrounds.
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
h4{font-size:.95rem;margin:8px 0 4px}
p{margin:4px 0}
section{background:#fff;border-radius:8px;padding:12px 14px;margin-bottom:12px}
.meta{color:#555;font-size:.85rem;overflow-wrap:anywhere}
code{font:.82rem/1.3 ui-monospace,"SFMono-Regular",Consolas,monospace;overflow-wrap:anywhere}
.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(96px,1fr));gap:6px;margin:10px 0 6px;padding:0;list-style:none}
.summary li>*{display:flex;flex-direction:column;height:100%;border-radius:8px;padding:6px 8px;background:#eef1f5;color:inherit;text-decoration:none}
.summary .n{font-size:1.45rem;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
.summary .l{font-size:.78rem;line-height:1.25}
.summary .zero{color:#555}
.summary .critical,.summary .breaks,.summary .stale,.summary .exit.fail{background:#f8b4b4;color:#6b0f0f}
.summary .warning{background:#ffd8a8;color:#6a3200}
.summary .notice{background:#fff4ce;color:#5c4400}
.summary .exit.pass{background:#d7f0d8;color:#1d4f20}
.summary .exit.incomplete{background:#ddd}
table{width:100%;border-collapse:collapse;font-size:.9rem}
th,td{text-align:left;padding:5px 6px;border-bottom:1px solid #e3e5e8;vertical-align:top;overflow-wrap:anywhere}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.kpi td:nth-child(3){width:112px}
table.kpi svg{display:block;max-width:100%;height:auto}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:.78rem;font-weight:600;white-space:nowrap;vertical-align:1px}
.notice{background:#fff4ce;color:#5c4400}
.warning{background:#ffd8a8;color:#6a3200}
.critical{background:#f8b4b4;color:#6b0f0f}
.ok,.agrees,.fresh{background:#d7f0d8;color:#1d4f20}
.breaks,.stale,.failed,.error{background:#f8b4b4;color:#6b0f0f}
details{margin:0 0 8px}
summary{cursor:pointer;padding:6px 2px;font-weight:600;list-style-position:outside;margin-left:16px}
summary h2{display:inline;margin:0}
details.group,details.break{border:1px solid #e3e5e8;border-radius:6px;padding:0 8px;background:#fff;color:inherit}
details[open].group,details[open].break{padding-bottom:6px}
.card{border:1px solid #e3e5e8;border-left-width:4px;border-radius:6px;padding:6px 10px;margin:0 0 8px;background:#fff;color:inherit;break-inside:avoid}
.card.critical{border-left-color:#b3261e}
.card.warning{border-left-color:#d9822b}
.card.notice{border-left-color:#c9a400}
.card h4{margin:2px 0}
.drivers{margin:4px 0 0 18px;padding:0;font-size:.88rem}
.problems{margin:0;padding-left:18px;font-size:.88rem;overflow-wrap:anywhere}
.more{color:#555;font-size:.85rem}
footer{color:#666;font-size:.8rem;padding:4px 2px 16px;overflow-wrap:anywhere}
@media (max-width:600px){
  main{padding:6px}
  section,header.top{padding:10px}
  table.stack thead,table.kpi thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  table.stack,table.stack tbody,table.stack tr,table.stack td,table.kpi,table.kpi tbody{display:block;width:100%}
  table.stack tr{border-bottom:1px solid #d0d3d8;padding:4px 0}
  table.stack td{border:0;padding:2px 0;display:flex;gap:8px;justify-content:space-between;text-align:right;white-space:normal}
  table.stack td::before{content:attr(data-label);color:#555;text-align:left;font-weight:600}
  table.kpi tr{display:grid;grid-template-columns:1fr 96px;column-gap:8px;align-items:center;border-bottom:1px solid #e3e5e8;padding:4px 0}
  table.kpi td{border:0;padding:0}
  table.kpi td:first-child{grid-column:1/-1;font-weight:600}
  table.kpi td:nth-child(3){width:auto}
}
@media print{
  @page{margin:12mm}
  body{background:#fff;font-size:10pt}
  main{max-width:none;padding:0}
  section,header.top{border:1px solid #ccc;border-radius:0;break-inside:auto}
  h2,h3,h4,summary{break-after:avoid}
  details::details-content{content-visibility:visible;display:block}
  summary{list-style:none;margin-left:0}
  .card,table.stack tr,table.kpi tr{break-inside:avoid}
  .badge,.summary li>*{border:1px solid #888}
  a{color:inherit;text-decoration:none}
}
`;
