import type { VersionValue } from './indexed-types'
import { compareKeyword } from './case-fold'

/**
 * Values of Elasticsearch's `version` field type. A valid version is semantic-version shaped, but
 * with any number (>= 1) of numeric main parts (`1`, `1.2`, `1.2.3.4`), an optional `-pre.release`
 * and an optional `+build`. Numeric identifiers have no leading zeros. Ordering:
 * - valid versions before invalid ones; invalid ones among themselves by keyword (byte) order;
 * - main parts numerically, part by part; when one list is a prefix of the other the shorter sorts
 *   first (`1.2 < 1.2.0`);
 * - a pre-release sorts before its release (`1.2.4-SNAPSHOT < 1.2.4`); pre-release identifiers
 *   compare numerically when both are numeric, numeric before alphanumeric, otherwise by ASCII, and
 *   a shorter identifier list first (semver 2.0 rules);
 * - build metadata last, by byte order, so that only identical text compares equal (as for a term).
 */

const NUM = '(?:0|[1-9][0-9]*)'
const PRE_ID = `(?:${NUM}|[0-9]*[A-Za-z-][0-9A-Za-z-]*)`
const VERSION = new RegExp(
  `^(${NUM}(?:\\.${NUM})*)(?:-(${PRE_ID}(?:\\.${PRE_ID})*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$`,
)

// Versions repeat across events; values are immutable, so parses are memoised (cleared when large).
const memo = new Map<string, VersionValue>()

/** Parses a version (never fails: invalid text gives a value with `valid: false`). */
export function parseVersion(text: string): VersionValue {
  let v = memo.get(text)
  if (v === undefined) {
    if (memo.size >= 10_000) memo.clear()
    v = parse(text)
    memo.set(text, v)
  }
  return v
}

function parse(text: string): VersionValue {
  const m = VERSION.exec(text)
  if (m === null) return { kind: 'version', text, valid: false, main: [], pre: [], build: '' }
  return {
    kind: 'version',
    text,
    valid: true,
    main: (m[1] ?? '').split('.'),
    pre: m[2] === undefined ? [] : m[2].split('.'),
    build: m[3] ?? '',
  }
}

const DIGITS = /^[0-9]+$/

function compareDigits(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0
}

function comparePreId(a: string, b: string): number {
  const an = DIGITS.test(a)
  const bn = DIGITS.test(b)
  if (an && bn) return compareDigits(a, b)
  if (an !== bn) return an ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}

/** Semantic-version order (see the module comment). */
export function compareVersion(a: VersionValue, b: VersionValue): number {
  if (a.text === b.text) return 0
  if (a.valid !== b.valid) return a.valid ? -1 : 1
  if (!a.valid) return compareKeyword(a.text, b.text)
  const n = Math.min(a.main.length, b.main.length)
  for (let i = 0; i < n; i++) {
    const c = compareDigits(a.main[i] ?? '', b.main[i] ?? '')
    if (c !== 0) return c
  }
  if (a.main.length !== b.main.length) return a.main.length - b.main.length
  if (a.pre.length === 0 || b.pre.length === 0) {
    if (a.pre.length !== b.pre.length) return a.pre.length === 0 ? 1 : -1
  } else {
    const m = Math.min(a.pre.length, b.pre.length)
    for (let i = 0; i < m; i++) {
      const c = comparePreId(a.pre[i] ?? '', b.pre[i] ?? '')
      if (c !== 0) return c
    }
    if (a.pre.length !== b.pre.length) return a.pre.length - b.pre.length
  }
  return compareKeyword(a.build, b.build)
}
