/**
 * Custom date patterns come from user mappings (a share link can carry one), so a pattern must
 * not be able to hang a run. These are the shapes that made the old RegExp backtrack 2^n times
 * (adjacent variable-width pieces, runs of optional sections, unbounded day and month names) on
 * texts that almost match; each test also asserts the answer, so a wrong matcher fails. The
 * timeout is a hang detector (these take milliseconds), not a timing assertion; a body that never
 * returns is stopped by the watchdog of scripts/fuzz/hang-guard.ts (the run fails, it does not stall).
 */
import { describe, expect, it } from 'vitest'
import { dateFormatProblem, parseDateMillis } from './date-parse'
import { MAX_PATTERN_LENGTH } from './date-pattern'
import { guardEachTest } from '../../../scripts/fuzz/hang-guard'

const HANG = { timeout: 2000 }

guardEachTest()

const utc = (s: string): number => Date.parse(s)

describe('custom date patterns on hostile formats', () => {
  it('runs of optional sections: each is tried once per position', HANG, () => {
    const thirty = '[d]'.repeat(30)
    expect(parseDateMillis('1'.repeat(59) + 'y', `${thirty}'x'`)).toBeUndefined()
    // 60 digits: every section takes two; the last one read sets the day
    expect(parseDateMillis('12'.repeat(30) + 'x', `${thirty}'x'`)).toBe(utc('1970-01-12T00:00:00Z'))
    expect(parseDateMillis('2022', `yyyy${'[[[d]]]'.repeat(30)}`)).toBe(utc('2022-01-01T00:00:00Z'))
  })

  it('adjacent variable-width numbers: same split as before, no blow-up', HANG, () => {
    const pattern = 'dH'.repeat(40) + "'x'"
    expect(parseDateMillis('1'.repeat(79) + 'y', pattern)).toBeUndefined()
    // the year takes as many digits as leave room for the rest (greedy, then one shorter...)
    expect(parseDateMillis('20240105', 'yMMdd')).toBe(utc('2024-01-05T00:00:00Z'))
    expect(parseDateMillis('202415', 'yyyyMd')).toBe(utc('2024-01-05T00:00:00Z'))
    expect(parseDateMillis('2024151', 'yyyyMd')).toBeUndefined() // M takes 15 first: not a month
    expect(parseDateMillis('1-2-2022 3:04', 'd-M-yyyy H:mm')).toBe(utc('2022-02-01T03:04:00Z'))
  })

  it('day and month names are English words of the right style, not any run of letters', HANG, () => {
    expect(parseDateMillis('Monday, 02 January 2022', 'EEEE, dd MMMM yyyy')).toBe(utc('2022-01-02T00:00:00Z'))
    expect(parseDateMillis('Mon 02 Jan 2022', 'EEE dd MMM yyyy')).toBe(utc('2022-01-02T00:00:00Z'))
    expect(parseDateMillis('M 02 Jan 2022', 'EEEEE dd MMM yyyy')).toBe(utc('2022-01-02T00:00:00Z'))
    expect(parseDateMillis('Mon 02 Jan 2022', 'EEEE dd MMM yyyy')).toBeUndefined()
    expect(parseDateMillis('Xyz 02 Jan 2022', 'EEE dd MMM yyyy')).toBeUndefined()
    // two names side by side split where the words end
    expect(parseDateMillis('MarchMonday2022', 'MMMMEEEEyyyy')).toBe(utc('2022-03-01T00:00:00Z'))
    expect(parseDateMillis('a'.repeat(40), 'MMMMEMMMMEMMMMEMMMMEMMMM')).toBeUndefined()
    expect(parseDateMillis('a'.repeat(100_000), 'EEEE')).toBeUndefined()
  })

  it('refuses what Java refuses, and patterns too long to be a date format', () => {
    expect(dateFormatProblem('EEEEEE')).toMatch(/Too many pattern letters: E/)
    expect(dateFormatProblem('E'.repeat(5000))).toMatch(/Too many pattern letters: E|longer/)
    expect(dateFormatProblem('MMMMMM yyyy')).toMatch(/Too many pattern letters: M/)
    expect(dateFormatProblem('EEEEE MMMMM')).toBeUndefined()
    expect(dateFormatProblem(`yyyy${"'-'".repeat(100)}`)).toMatch(new RegExp(`longer than the ${MAX_PATTERN_LENGTH}`))
    expect(parseDateMillis('2022', `yyyy${'[d]'.repeat(100)}`)).toBeUndefined()
  })
})
