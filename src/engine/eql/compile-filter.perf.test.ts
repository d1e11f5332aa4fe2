import { describe, expect, it } from 'vitest'
import { buildSchema } from '../schema/build-schema'
import { filterOf } from './check-test-helpers'
import { compileFilter } from './compile-filter'
import { eqlSettings } from './settings'

/**
 * Throughput of a compiled event filter over realistic ECS events: the per-event path must do no
 * parsing, no name lookups and no allocation in the common case. Requirement: >= 5 million
 * events/s for a typical rule when most events fail the category test, as in real data.
 */
const CATEGORIES = ['network', 'file', 'registry', 'authentication', 'process', 'dns', 'library', 'iam']
const NAMES = ['defaults', 'launchd', 'bash', 'curl', 'osascript', 'python3']

function makeEvents(n: number): unknown[] {
  const out: unknown[] = []
  for (let i = 0; i < n; i++) {
    const category = CATEGORIES[i % CATEGORIES.length] ?? 'file'
    out.push({
      '@timestamp': `2024-05-01T10:${String(i % 60).padStart(2, '0')}:00.000Z`,
      event: { category: i % 13 === 0 ? [category, 'network'] : category, type: i % 3 === 0 ? 'start' : 'end', kind: 'event' },
      host: { name: `host-${i % 50}`, os: { type: 'macos' } },
      user: { name: `user${i % 7}` },
      process: {
        pid: 1000 + (i % 5000),
        name: NAMES[i % NAMES.length],
        args: i % 5 === 0 ? ['defaults', 'write', 'com.apple.loginwindow', i % 10 === 0 ? 'LoginHook' : 'JamfHelper'] : ['-c', 'echo hi'],
        parent: { name: 'launchd', pid: 1 },
      },
    })
  }
  return out
}

const QUERY =
  'event.type == "start" and process.name == "defaults" and process.args in ("LoginHook", "LogoutHook") and not process.args : ("*JAMF*", "*Jamf*")'

describe('compiled filter throughput', () => {
  // best of 40 rounds: the machine may be busy with other test files running in parallel
  it('runs a typical rule at >= 5M events/s', () => {
    const { schema } = buildSchema({ ecs: true })
    const filter = compileFilter(filterOf(QUERY), { schema, settings: eqlSettings() })
    const events = makeEvents(100_000)
    let matched = 0
    for (const e of events) if (filter.test(e)) matched++
    expect(matched).toBeGreaterThan(0)
    let best = 0
    for (let round = 0; round < 40; round++) {
      const t0 = performance.now()
      let m = 0
      for (let i = 0; i < events.length; i++) if (filter.test(events[i])) m++
      const ms = performance.now() - t0
      expect(m).toBe(matched)
      best = Math.max(best, events.length / (ms / 1000))
    }
    console.log(`compiled filter: ${(best / 1e6).toFixed(1)}M events/s (${matched} of ${events.length} match)`)
    expect(best).toBeGreaterThanOrEqual(5_000_000)
  })
})
