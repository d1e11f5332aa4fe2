/**
 * Random event batches for the fuzzer: mostly plausible Elastic Defend-like events (so queries
 * reach their comparisons), each spiced with hostile values: deep nesting, huge strings, odd
 * Unicode in keys and values, numbers at the edges (-0, 1e308, 2^53+1), NaN-ish strings, arrays of
 * mixed types, dotted keys that collide with nested objects, and nulls.
 */
import type { Rng } from './prng'
import { EDGE_NUMBERS, longRun, oddString } from './odd-strings'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

const CATEGORIES = ['process', 'file', 'network', 'registry', 'authentication', 'any', '', 'PROCESS']
const PATHS = ['process.name', 'process.args', 'process.executable', 'file.path', 'file.name', 'user.name', 'host.os.type', 'source.ip', 'destination.port', 'process.pid', 'event.type', 'event.action', 'process.parent.name', 'process.command_line']
const NAMESY = ['bash', 'osascript', 'launchctl', 'cmd.exe', 'C:\\Windows\\System32\\x.exe', '/Library/LaunchDaemons/a.plist', 'root', 'macos', '10.0.0.1', '::1', 'fe80::1%eth0', '999.1.1.1', 'start', 'NaN', 'Infinity', '-0', 'null', 'true', '2026-01-01T00:00:00Z', 'not a date']

/** A batch of 1..max random events. */
export function randomEvents(rng: Rng, max: number): Record<string, Json>[] {
  const n = rng.range(1, max)
  const events: Record<string, Json>[] = []
  for (let i = 0; i < n; i++) events.push(randomEvent(rng, i))
  return events
}

function randomEvent(rng: Rng, i: number): Record<string, Json> {
  const e: Record<string, Json> = {
    '@timestamp': rng.chance(0.9) ? new Date(Date.UTC(2026, 0, 1) + i * 1000 + rng.int(5000)).toISOString() : hostileValue(rng, 2),
    event: { category: rng.chance(0.8) ? rng.pick(CATEGORIES) : hostileValue(rng, 2) },
  }
  const fields = rng.range(0, 8)
  for (let k = 0; k < fields; k++) setPath(e, rng.pick(PATHS), rng.chance(0.6) ? plainValue(rng) : hostileValue(rng, 3))
  if (rng.chance(0.3)) e[rng.pick(PATHS)] = hostileValue(rng, 2) // a dotted key beside the nested object
  if (rng.chance(0.15)) e[oddString(rng, rng.range(0, 8))] = hostileValue(rng, 2)
  if (rng.chance(0.1)) e['deep'] = deepObject(rng, rng.range(50, 2000))
  if (rng.chance(0.1)) e['huge'] = longRun(rng, 200_000)
  return e
}

function setPath(e: Record<string, Json>, path: string, value: Json): void {
  const parts = path.split('.')
  let o: Record<string, Json> = e
  for (const [n, p] of parts.entries()) {
    if (n === parts.length - 1) {
      o[p] = value
      return
    }
    const next = o[p]
    if (typeof next !== 'object' || next === null || Array.isArray(next)) {
      const fresh: Record<string, Json> = {}
      o[p] = fresh
      o = fresh
    } else o = next
  }
}

function plainValue(rng: Rng): Json {
  switch (rng.int(4)) {
    case 0: return rng.pick(NAMESY)
    case 1: return rng.range(-5, 70000)
    case 2: return [rng.pick(NAMESY), rng.pick(NAMESY)]
    default: return rng.chance(0.5)
  }
}

/** A value built to hurt: edge numbers, odd strings, mixed arrays, nested objects. */
function hostileValue(rng: Rng, depth: number): Json {
  switch (rng.int(depth > 0 ? 8 : 5)) {
    case 0: return rng.pick(EDGE_NUMBERS)
    case 1: return oddString(rng, rng.range(0, 40))
    case 2: return rng.pick(['NaN', '-NaN', 'Infinity', '1e309', '-0', '0x10', '9007199254740993', ' 1 ', '1_000', ''])
    case 3: return null
    case 4: return longRun(rng, 5000)
    case 5: return Array.from({ length: rng.range(0, 6) }, () => hostileValue(rng, depth - 1))
    case 6: return { [rng.pick(['name', 'ip', '', 'a.b', '\u0000'])]: hostileValue(rng, depth - 1), x: [1, 'a', null, true, { y: -0 }] }
    default: return [[[rng.pick(NAMESY)], 1e308], { name: rng.pick(NAMESY) }, -0, false]
  }
}

function deepObject(rng: Rng, depth: number): Json {
  let v: Json = rng.pick(NAMESY)
  for (let d = 0; d < depth; d++) v = rng.chance(0.5) ? { name: v } : [v]
  return v
}
