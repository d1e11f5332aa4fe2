/**
 * Small builders for Elastic Defend macOS events, so each example file lists only what differs
 * between its events (the interesting fields) and the common envelope stays realistic and uniform.
 */
import type { LabelledEvent, MitreMapping } from './example'

/** The macOS hosts our examples use; ids differ so join keys can be shown at work. */
export const HOSTS = {
  finance: { id: 'b7e1c0de-4f2a-4c1e-9a51-0c2f6d7a1101', name: 'mbp-finance-07' },
  design: { id: 'b7e1c0de-4f2a-4c1e-9a51-0c2f6d7a2202', name: 'imac-design-03' },
} as const

export type HostKey = keyof typeof HOSTS

function host(key: HostKey, osType: string | null): Record<string, unknown> {
  const h = HOSTS[key]
  const os: Record<string, unknown> = { family: 'macos', name: 'macOS', version: '14.5', platform: 'macos' }
  // Events from older agents (Auditbeat) carry no host.os.type; null leaves it out to show that.
  if (osType !== null) os['type'] = osType
  return { id: h.id, name: h.name, hostname: h.name, os }
}

/** Options for a process start event. */
export interface ProcessOptions {
  readonly at: string
  readonly pid: number
  readonly name: string
  readonly executable: string
  readonly args: readonly string[]
  readonly host?: HostKey
  readonly osType?: string | null
  readonly eventType?: readonly string[]
  readonly user?: string
  readonly parent?: { readonly name: string; readonly pid: number; readonly entityId?: string }
  readonly entityId?: string
}

/** A Defend `process` event (`exec` start by default); command_line is the args joined by spaces. */
export function processEvent(o: ProcessOptions): Record<string, unknown> {
  const hostKey = o.host ?? 'finance'
  const parent = o.parent ?? { name: 'bash', pid: o.pid - 3 }
  return {
    '@timestamp': o.at,
    agent: { type: 'endpoint', version: '8.14.1' },
    data_stream: { dataset: 'endpoint.events.process', namespace: 'default', type: 'logs' },
    event: {
      kind: 'event',
      category: ['process'],
      type: o.eventType ?? ['start'],
      // Defend reports a process's end with its own action; only starts are 'exec'.
      action: o.eventType?.includes('end') === true ? 'end' : 'exec',
      dataset: 'endpoint.events.process',
      module: 'endpoint',
    },
    host: host(hostKey, o.osType === undefined ? 'macos' : o.osType),
    user: { name: o.user ?? 'root' },
    process: {
      pid: o.pid,
      entity_id: o.entityId ?? `${HOSTS[hostKey].name}-p${o.pid}`,
      name: o.name,
      executable: o.executable,
      args: [...o.args],
      args_count: o.args.length,
      command_line: o.args.join(' '),
      parent: {
        pid: parent.pid,
        name: parent.name,
        entity_id: parent.entityId ?? `${HOSTS[hostKey].name}-p${parent.pid}`,
      },
    },
  }
}

/** Options for a file event. */
export interface FileOptions {
  readonly at: string
  readonly path: string
  /** Defend's event.action: creation, modification, deletion, rename, overwrite, launch_daemon */
  readonly action: string
  /** event.type; derived from the action when left out */
  readonly eventType?: readonly string[]
  readonly host?: HostKey
  readonly osType?: string | null
  readonly process?: { readonly name: string; readonly pid: number; readonly executable: string; readonly entityId?: string }
}

const TYPE_OF_ACTION: Readonly<Record<string, string>> = {
  creation: 'creation',
  deletion: 'deletion',
  launch_daemon: 'creation',
}

/** A Defend `file` event written by the given process (an installer by default). */
export function fileEvent(o: FileOptions): Record<string, unknown> {
  const hostKey = o.host ?? 'finance'
  const proc = o.process ?? { name: 'installd', pid: 512, executable: '/System/Library/PrivateFrameworks/PackageKit.framework/Resources/installd' }
  const slash = o.path.lastIndexOf('/')
  const fileName = o.path.slice(slash + 1)
  const dot = fileName.lastIndexOf('.')
  const file: Record<string, unknown> = { path: o.path, name: fileName, directory: o.path.slice(0, Math.max(slash, 1)) }
  if (dot > 0) file['extension'] = fileName.slice(dot + 1)
  return {
    '@timestamp': o.at,
    agent: { type: 'endpoint', version: '8.14.1' },
    data_stream: { dataset: 'endpoint.events.file', namespace: 'default', type: 'logs' },
    event: {
      kind: 'event',
      category: ['file'],
      type: o.eventType ?? [TYPE_OF_ACTION[o.action] ?? 'change'],
      action: o.action,
      dataset: 'endpoint.events.file',
      module: 'endpoint',
    },
    host: host(hostKey, o.osType === undefined ? 'macos' : o.osType),
    user: { name: 'root' },
    file,
    process: {
      pid: proc.pid,
      name: proc.name,
      executable: proc.executable,
      entity_id: proc.entityId ?? `${HOSTS[hostKey].name}-p${proc.pid}`,
    },
  }
}

// ---- LaunchDaemon sequences: the plist write and the launchctl run, so each event reads as
// "what happened, where, by whom".

export const LAUNCH_MITRE: readonly MitreMapping[] = [
  { tactic: 'Persistence (TA0003)', technique: 'Create or Modify System Process', id: 'T1543' },
]

export const LAUNCH_REFERENCES: readonly string[] = [
  'https://developer.apple.com/library/archive/documentation/MacOSX/Conceptual/BPSystemStartup/Chapters/CreatingLaunchdJobs.html',
]

/** A plist written by a shell script with the given pid (its entity id derives from host and pid). */
export function plistWrite(at: string, path: string, action: string, writerPid: number, host: HostKey = 'finance'): Record<string, unknown> {
  return fileEvent({ at, path, action, host, process: { name: 'bash', pid: writerPid, executable: '/bin/bash' } })
}

/** Options for one `launchctl` run beyond its arguments. */
export interface LaunchctlRun {
  readonly host?: HostKey
  readonly eventType?: readonly string[]
}

/** `/bin/launchctl` started by the shell with pid `parentPid`, with the given arguments. */
export function launchctl(at: string, pid: number, parentPid: number, args: readonly string[], o: LaunchctlRun = {}): Record<string, unknown> {
  return processEvent({
    at,
    pid,
    name: 'launchctl',
    executable: '/bin/launchctl',
    args: ['launchctl', ...args],
    parent: { name: 'bash', pid: parentPid },
    ...(o.host !== undefined ? { host: o.host } : {}),
    ...(o.eventType !== undefined ? { eventType: o.eventType } : {}),
  })
}

// ---- File rules: the KQL seed and the current EQL version of a file rule are tested on the same
// events, because what changed between them (e.g. `not event.type:deletion` became
// `event.action == "modification"`) shows best on one set. A case carries one label per version.

/** An outcome and its one-line reason. */
export type Outcome = readonly ['match' | 'no-match', string]

/** One file event with its outcome under the KQL seed and under the current EQL version. */
export interface FileCase {
  readonly at: string
  readonly path: string
  readonly action: string
  readonly host?: HostKey
  readonly osType?: string | null
  readonly writer?: { readonly name: string; readonly pid: number; readonly executable: string }
  readonly kql: Outcome
  readonly eql: Outcome
}

/** The labelled events of one version. */
export function labelled(cases: readonly FileCase[], version: 'kql' | 'eql'): LabelledEvent[] {
  return cases.map((c) => {
    const [expect, reason] = c[version]
    const event = fileEvent({
      at: c.at,
      path: c.path,
      action: c.action,
      ...(c.host !== undefined ? { host: c.host } : {}),
      ...(c.osType !== undefined ? { osType: c.osType } : {}),
      ...(c.writer !== undefined ? { process: c.writer } : {}),
    })
    return { event, expect, reason }
  })
}
