/**
 * Old link formats, brought to the current one. A link is decoded as JSON of its own version,
 * then each step lifts it one version, so v2 adds one function here (`1: v1ToV2`) and bumps
 * SHARE_FORMAT_VERSION; the golden links of every version in the tests keep old links opening.
 */

/** The link format this build writes (the `v1` of `#v1.…`). */
export const SHARE_FORMAT_VERSION = 1

/** The oldest format this build still opens. */
export const OLDEST_SHARE_FORMAT_VERSION = 1

/** One migration step: the payload of version `from` to that of version `from + 1`. */
export type MigrationStep = (payload: unknown) => unknown

/** `migrations[n]` lifts a version-n payload to version n+1. Empty while only v1 exists. */
export const migrations: Readonly<Record<number, MigrationStep>> = {}

/** The payload lifted from version `from` to `to` (the current one); null when a step is missing. */
export function migrate(payload: unknown, from: number, to: number = SHARE_FORMAT_VERSION, steps: Readonly<Record<number, MigrationStep>> = migrations): unknown {
  let current = payload
  for (let v = from; v < to; v++) {
    const step = steps[v]
    if (!step) return null
    current = step(current)
  }
  return current
}
