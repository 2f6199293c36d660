export { civilFromDays, daysFromCivil, daysInMonth, formatDay, isValidCivil } from './calendar';
export {
  GRAINS,
  CALENDAR_YEAR,
  firstDayOf,
  indexOfDay,
  indexOfMonth,
  parsePeriodKey,
  periodKeyOf,
  type FiscalCalendar,
  type Grain,
  type PeriodIndex,
} from './grain';
export { rolling, shiftSpan, spanOf, toDate, yearAgo, type Span } from './spans';
export { parseDateValue, type ParsedDate } from './parse-date';
