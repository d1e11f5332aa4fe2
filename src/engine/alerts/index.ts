/** Alert simulation (see types.ts): schedule, rule types and alert documents. */
export type * from './types'
export { DEFAULT_SCHEDULE } from './types'
export { scheduleExecutions, MAX_EXECUTIONS, type ScheduleExecutionsOptions } from './schedule-executions'
export { eventTimes, eventTimesWithSource, timeRangeOf, countWithoutTime, DEFAULT_TIMESTAMP_FIELD } from './schedule-event-times'
export { simulateSchedule, type SimulateScheduleOptions, type CapMode } from './simulate-schedule'
export { parseSchedule, parseInterval, SCHEDULE_CODES, DEFAULT_MAX_SIGNALS, type ParsedSchedule, type ScheduleCode } from './schedule-parse'
export { parseDateMath as parseScheduleDateMath, evaluateDateMath, type DateMathExpr } from './date-math'
export { excludedOutsideWindow, indexesInWindow } from './schedule-window-mask'
