export { parseAmount, parseAccountingAmount, amountFromNumber, type ParsedAmount } from './parse';
export { formatMinor, minorToNumber, pow10 } from './minor';
