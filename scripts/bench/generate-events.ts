/**
 * Deterministic Elastic Defend macOS events for the benchmark: process exec/end and file events
 * from a fleet of hosts, in timestamp order, with a sprinkle of seed-rule positives (login hook via
 * `defaults write`, LaunchDaemon written then loaded by `launchctl` from the writing shell) and
 * the JAMF look-alikes the login-hook rule excludes. Same seed, same events, on every machine.
 */
import { BINARIES, PARENTS, benignFile, createRng, extensionOf, type Binary, type Rng } from './macos-catalog'

export interface GenerateOptions {
  readonly size: number
  readonly seed?: number
  /** number of hosts in the fleet (join keys of sequences) */
  readonly hosts?: number
  /**
   * Leave out fields the seed rules do not read (agent, dataset and module, the OS details beside
   * host.os.type, code signature, working directory, args_count): about 550 bytes of NDJSON per
   * event instead of 800, so 200,000 events make a ~110 MB file, the "100 MB, about
   * 200,000 events" (the browser bench). The random draws are the same, so the same events (and
   * planted positives) come out, only smaller.
   */
  readonly lean?: boolean
}

export interface GeneratedEvents {
  readonly events: Record<string, unknown>[]
  /** how many positives were planted, to sanity-check rule results */
  readonly planted: { readonly loginHook: number; readonly launchDaemon: number; readonly jamfLookalike: number }
}

interface Host {
  readonly id: string
  readonly name: string
  readonly user: string
  /** entity ids of recent processes, used as parents */
  readonly recent: string[]
  pid: number
}

const START_MS = Date.parse('2024-06-03T08:00:00.000Z')
const USERS = ['alice', 'bob', 'carol', 'dev', 'erin', 'frank', 'grace', 'it-admin']
const JAMF_DIR = '/Library/Application Support/JAMF/ManagementFrameworkScripts/'

function uuid(rng: Rng): string {
  const h = rng.hex(32)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

function makeHosts(rng: Rng, count: number): Host[] {
  return Array.from({ length: count }, (_, i) => ({
    id: uuid(rng),
    name: `mbp-${rng.pick(USERS)}-${i}`,
    user: rng.pick(USERS),
    recent: [],
    pid: 300 + rng.int(2000),
  }))
}

function hostFields(h: Host): Record<string, unknown> {
  return { id: h.id, name: h.name, os: { type: 'macos', family: 'macos', name: 'macOS', platform: 'macos', version: '14.5' } }
}

function parentOf(rng: Rng, h: Host): Record<string, unknown> {
  const entity = h.recent.length > 0 && rng.chance(0.7) ? rng.pick(h.recent) : `${h.id}-launchd`
  return { entity_id: entity, name: entity.endsWith('-launchd') ? 'launchd' : rng.pick(PARENTS), pid: 1 + rng.int(5000) }
}

interface ProcessSpec {
  readonly name: string
  readonly executable: string
  readonly args: string[]
  readonly parent?: Record<string, unknown>
  /** planted positives are always exec events; background noise ends 15% of the time */
  readonly planted?: boolean
}

function processEvent(rng: Rng, h: Host, ms: number, spec: ProcessSpec): Record<string, unknown> {
  const { name, executable, args, parent } = spec
  const pid = ++h.pid
  const entity = `${h.id}-${pid}`
  h.recent.push(entity)
  if (h.recent.length > 16) h.recent.shift()
  const argv = [name, ...args]
  const ended = spec.planted !== true && rng.chance(0.15)
  // an occasional padded command line keeps the regex-heavy corpus rule's patterns busy
  const commandLine = rng.chance(0.002) ? argv.join(' '.repeat(24)) : argv.join(' ')
  return {
    '@timestamp': new Date(ms).toISOString(),
    event: { kind: 'event', category: ['process'], type: [ended ? 'end' : 'start'], action: ended ? 'end' : 'exec', dataset: 'endpoint.events.process', module: 'endpoint' },
    host: hostFields(h),
    agent: { type: 'endpoint', version: '8.14.0' },
    user: { name: h.user },
    process: {
      pid, entity_id: entity, name, executable, args: argv, args_count: argv.length, command_line: commandLine,
      working_directory: `/Users/${h.user}`, parent: parent ?? parentOf(rng, h),
      code_signature: { trusted: !executable.startsWith('/Users/'), signing_id: `com.apple.${name}` },
    },
  }
}

function fileEvent(rng: Rng, h: Host, ms: number, path: string, action: string, writer: { entity: string; name: string }): Record<string, unknown> {
  const type = action === 'deletion' ? 'deletion' : action === 'modification' || action === 'rename' ? 'change' : 'creation'
  const ext = extensionOf(path)
  return {
    '@timestamp': new Date(ms).toISOString(),
    event: { kind: 'event', category: ['file'], type: [type], action, dataset: 'endpoint.events.file', module: 'endpoint' },
    host: hostFields(h),
    agent: { type: 'endpoint', version: '8.14.0' },
    user: { name: h.user },
    file: { path, name: path.slice(path.lastIndexOf('/') + 1), ...(ext === undefined ? {} : { extension: ext }) },
    process: { entity_id: writer.entity, name: writer.name, pid: rng.int(9000) },
  }
}

/** The event without the fields `lean` leaves out (see GenerateOptions.lean). */
function leanEvent(e: Record<string, unknown>): Record<string, unknown> {
  const { agent: _agent, ...rest } = e
  const event = rest['event'] as Record<string, unknown>
  const { dataset: _dataset, module: _module, ...leanEventField } = event
  const host = rest['host'] as Record<string, unknown>
  const os = host['os'] as Record<string, unknown>
  const out: Record<string, unknown> = { ...rest, event: leanEventField, host: { ...host, os: { type: os['type'] } } }
  const proc = rest['process'] as Record<string, unknown> | undefined
  if (proc !== undefined) {
    const { code_signature: _cs, working_directory: _wd, args_count: _ac, ...leanProc } = proc
    out['process'] = leanProc
  }
  return out
}

function weighted(rng: Rng): Binary {
  const total = BINARIES.reduce((s, b) => s + b.weight, 0)
  let roll = rng.int(total)
  for (const b of BINARIES) {
    roll -= b.weight
    if (roll < 0) return b
  }
  return BINARIES[0] as Binary
}

/** Generates `size` events in ascending @timestamp (10 ms apart on average). */
export function generateEvents(options: GenerateOptions): GeneratedEvents {
  const rng = createRng(options.seed ?? 0x5eed)
  const hosts = makeHosts(rng, options.hosts ?? 250)
  const events: Record<string, unknown>[] = []
  const push = options.lean === true ? (e: Record<string, unknown>) => events.push(leanEvent(e)) : (e: Record<string, unknown>) => events.push(e)
  // follow-ups (the launchctl load of a planted LaunchDaemon) wait here until their time comes
  const pending: { at: number; make: (ms: number) => Record<string, unknown> }[] = []
  const planted = { loginHook: 0, launchDaemon: 0, jamfLookalike: 0 }
  let ms = START_MS
  while (events.length < options.size) {
    ms += 1 + rng.int(19)
    const due = pending.findIndex((p) => p.at <= ms)
    if (due >= 0) {
      const [p] = pending.splice(due, 1)
      if (p) push(p.make(ms))
      continue
    }
    const h = rng.pick(hosts)
    const roll = rng.next()
    if (roll < 0.0002) {
      planted.loginHook++
      push(processEvent(rng, h, ms, { name: 'defaults', executable: '/usr/bin/defaults', planted: true, args: ['write', 'com.apple.loginwindow', rng.pick(['LoginHook', 'LogoutHook']), `/Users/Shared/.${rng.hex(6)}.sh`] }))
    } else if (roll < 0.0004) {
      planted.jamfLookalike++
      const hook = rng.pick(['LoginHook', 'LogoutHook'])
      const script = `${hook.toLowerCase()}.sh`
      // half as a shell splits the unquoted path at the space in "Application Support"
      const tail = rng.chance(0.5) ? ['/Library/Application', `Support/JAMF/ManagementFrameworkScripts/${script}`] : [JAMF_DIR + script]
      push(processEvent(rng, h, ms, { name: 'defaults', executable: '/usr/bin/defaults', planted: true, args: ['write', 'com.apple.loginwindow', hook, ...tail] }))
    } else if (roll < 0.00065) {
      planted.launchDaemon++
      const writer = { entity: `${h.id}-${++h.pid}`, name: 'sh' }
      const plist = `/Library/LaunchDaemons/com.${rng.hex(6)}.agent.plist`
      push(fileEvent(rng, h, ms, plist, 'launch_daemon', writer))
      pending.push({
        at: ms + 1000 + rng.int(25000),
        make: (at) =>
          processEvent(rng, h, at, { name: 'launchctl', executable: '/bin/launchctl', planted: true, args: ['load', '-w', plist], parent: { entity_id: writer.entity, name: 'sh', pid: 1 } }),
      })
    } else if (roll < 0.3) {
      const touch = benignFile(rng, h.user)
      const writer = { entity: h.recent.length > 0 ? rng.pick(h.recent) : `${h.id}-launchd`, name: rng.pick(['Finder', 'Safari', 'installd', 'cfprefsd', 'Slack']) }
      push(fileEvent(rng, h, ms, touch.path, touch.action, writer))
    } else {
      const b = weighted(rng)
      push(processEvent(rng, h, ms, { name: b.name, executable: b.executable, args: b.args(rng, h.user) }))
    }
  }
  return { events, planted }
}
