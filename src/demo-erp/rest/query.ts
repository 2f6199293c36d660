import { ENTITIES, type DatasetSpec } from '../data';
import type { ParamReader } from '../http/params';
import type { RowQuery } from '../store';

const ENTITY_CODES = ENTITIES.map((e) => e.code);

/** `from`, `to`, `entity` and `modifiedSince`, checked against what the dataset has. */
export function readRowQuery(r: ParamReader, spec: DatasetSpec): RowQuery {
  const from = r.date('from');
  const to = r.date('to');
  if ((from !== undefined || to !== undefined) && spec.dateField === null) {
    r.problem(from !== undefined ? 'from' : 'to', `does not apply: ${spec.name} is master data without a date; from and to filter transaction datasets`);
  }
  if (from !== undefined && to !== undefined && from > to) r.problem('to', `(${to}) is before from (${from})`);
  const entity = r.oneOf('entity', ENTITY_CODES);
  if (entity !== undefined && !spec.fields.some((f) => f.name === 'entity')) r.problem('entity', `does not apply: ${spec.name} has no entity field`);
  const modifiedSince = r.instant('modifiedSince');
  const q: RowQuery = {};
  if (from !== undefined) q.from = from;
  if (to !== undefined) q.to = to;
  if (entity !== undefined) q.entity = entity;
  if (modifiedSince !== undefined) q.modifiedSince = modifiedSince;
  return q;
}
