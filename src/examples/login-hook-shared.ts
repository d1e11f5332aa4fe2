/**
 * What the two versions of "Persistence via Login or Logout Hook" share: the rule's MITRE mapping
 * and references, and a builder for `defaults` runs so each event reads as its command line.
 */
import { processEvent, type HostKey } from './defend-events'
import type { MitreMapping } from './example'

export const LOGIN_HOOK_MITRE: readonly MitreMapping[] = [
  { tactic: 'Persistence (TA0003)', technique: 'Boot or Logon Initialization Scripts', id: 'T1037' },
]

export const LOGIN_HOOK_REFERENCES: readonly string[] = [
  'https://www.virusbulletin.com/uploads/pdf/conference_slides/2014/Wardle-VB2014.pdf',
  'https://www.manpagez.com/man/1/defaults/',
]

export const LOGIN_HOOK_DESCRIPTION =
  'Identifies use of the Defaults command to install a login or logoff hook in MacOS. An adversary may ' +
  'abuse this capability to establish persistence in an environment by inserting code to be executed at login or logout.'

/** The JAMF hook script path, whole and as Defend records it when the shell split it at the space. */
/** the preference domain both hook writes target */
export const LW = 'com.apple.loginwindow'

/** What both versions of the rule share: name, severity and schedule (from the seed pages). */
export const LOGIN_HOOK_RULE_BASE = {
  name: 'Persistence via Login or Logout Hook',
  severity: 'medium',
  riskScore: 47,
  interval: '5m',
  from: 'now-9m',
  maxSignals: 100,
} as const

export const JAMF_LOGIN = '/Library/Application Support/JAMF/ManagementFrameworkScripts/loginhook.sh'
export const JAMF_LOGOUT = '/Library/Application Support/JAMF/ManagementFrameworkScripts/logouthook.sh'
export const JAMF_LOGIN_SPLIT = ['/Library/Application', 'Support/JAMF/ManagementFrameworkScripts/loginhook.sh'] as const
export const JAMF_LOGOUT_SPLIT = ['/Library/Application', 'Support/JAMF/ManagementFrameworkScripts/logouthook.sh'] as const

/** Options for one `defaults` run beyond its arguments. */
export interface DefaultsRun {
  readonly host?: HostKey
  readonly osType?: string | null
  readonly eventType?: readonly string[]
  readonly parent?: { readonly name: string; readonly pid: number }
  readonly user?: string
}

/** A `/usr/bin/defaults` process start with the given arguments after `defaults`. */
export function defaultsRun(at: string, pid: number, args: readonly string[], o: DefaultsRun = {}): Record<string, unknown> {
  return processEvent({
    at,
    pid,
    name: 'defaults',
    executable: '/usr/bin/defaults',
    args: ['defaults', ...args],
    ...(o.host !== undefined ? { host: o.host } : {}),
    ...(o.osType !== undefined ? { osType: o.osType } : {}),
    ...(o.eventType !== undefined ? { eventType: o.eventType } : {}),
    ...(o.parent !== undefined ? { parent: o.parent } : {}),
    ...(o.user !== undefined ? { user: o.user } : {}),
  })
}

/** The parent JAMF's agent uses when it runs its management scripts. */
export const JAMF_PARENT = { name: 'jamf', pid: 388 } as const
