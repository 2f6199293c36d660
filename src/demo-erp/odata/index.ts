export { odataRoute } from './route';
export { parseApply, parseFilter } from './parser';
export { ENTITY_SETS, type EntitySet, type Property } from './schema';
