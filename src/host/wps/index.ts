export { createWpsHost, type WpsHostOptions } from './wps-host';
export { fromWps } from './from-wps';
export { STATE_SHEET } from './state';
export { bgrToHex, hexToBgr } from './convert';
export type * from './wps-types';
