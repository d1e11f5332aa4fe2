/**
 * Potential Persistence via Periodic Tasks: the KQL seed version and the current EQL version, on the
 * same events (see FileCase in defend-events.ts).
 */
import type { Example, RuleMetadata } from './example'
import { labelled, type FileCase } from './defend-events'

const KQL_QUERY = `event.category:file and host.os.type:macos and not event.type:"deletion" and
 file.path:(/private/etc/periodic/* or /private/etc/defaults/periodic.conf or /private/etc/periodic.conf)
`

const EQL_QUERY = `file where host.os.type == "macos" and event.action == "modification" and
 file.path like ("/private/etc/periodic/*", "/private/etc/defaults/periodic.conf", "/private/etc/periodic.conf")
`

const VIM = { name: 'vim', pid: 6120, executable: '/usr/bin/vim' }
const SH = { name: 'sh', pid: 6188, executable: '/bin/sh' }

const CASES: readonly FileCase[] = [
  { at: '2024-06-07T09:00:01.000Z', path: '/private/etc/periodic/daily/999.local', action: 'modification', writer: SH,
    kql: ['match', 'a daily periodic script changed: the attack itself'],
    eql: ['match', 'a daily periodic script modified: the attack itself'] },
  { at: '2024-06-07T09:00:05.000Z', path: '/private/etc/periodic/weekly/500.sync', action: 'creation', writer: SH,
    kql: ['match', 'a new weekly script: only deletions are left out'],
    eql: ['no-match', 'a creation: the current version asks for event.action modification only'] },
  { at: '2024-06-07T09:01:10.000Z', path: '/private/etc/defaults/periodic.conf', action: 'modification', writer: VIM,
    kql: ['match', 'the default periodic configuration edited'],
    eql: ['match', 'the default periodic configuration edited'] },
  { at: '2024-06-07T09:01:40.000Z', path: '/private/etc/periodic.conf', action: 'modification', writer: VIM,
    kql: ['match', 'the local periodic.conf override edited'],
    eql: ['match', 'the local periodic.conf override edited'] },
  { at: '2024-06-07T09:02:00.000Z', path: '/private/etc/periodic/daily/110.clean-tmps', action: 'rename', writer: SH,
    kql: ['match', 'a rename is a change, not a deletion'],
    eql: ['no-match', 'a rename: event.action is not modification'] },
  { at: '2024-06-07T09:02:30.000Z', path: '/private/etc/periodic.conf', action: 'overwrite', writer: SH,
    kql: ['match', 'an overwrite is a change, not a deletion'],
    eql: ['no-match', 'an overwrite: event.action is not modification'] },
  { at: '2024-06-07T09:03:00.000Z', path: '/private/etc/periodic/monthly/999.local', action: 'deletion', writer: SH,
    kql: ['no-match', 'a deletion is excluded by not event.type:"deletion"'],
    eql: ['no-match', 'a deletion: event.action is not modification'] },
  { at: '2024-06-07T09:03:30.000Z', path: '/etc/periodic/daily/999.local', action: 'modification', writer: SH,
    kql: ['no-match', 'the path through the /etc symlink is not one of the /private/etc patterns'],
    eql: ['no-match', 'the path through the /etc symlink is not one of the /private/etc patterns'] },
  { at: '2024-06-07T09:04:00.000Z', path: '/private/etc/periodic.conf.bak', action: 'modification', writer: VIM,
    kql: ['no-match', 'a backup copy: /private/etc/periodic.conf has no wildcard, so the value must be equal'],
    eql: ['no-match', 'a backup copy: the pattern has no wildcard, so the value must be equal'] },
  { at: '2024-06-07T09:04:30.000Z', path: '/private/etc/Periodic/daily/999.local', action: 'modification', writer: SH,
    kql: ['no-match', 'KQL on a keyword field is case-sensitive: Periodic is not periodic'],
    eql: ['no-match', '`like` is case-sensitive (`like~` would not be): Periodic is not periodic'] },
  { at: '2024-06-07T09:05:00.000Z', path: '/private/etc/defaults/periodic.conf', action: 'modification', osType: null, writer: VIM,
    kql: ['no-match', 'no host.os.type, so host.os.type:macos cannot hold'],
    eql: ['no-match', 'no host.os.type, so host.os.type == "macos" cannot hold'] },
  { at: '2024-06-07T09:05:30.000Z', path: '/private/etc/crontab', action: 'modification', writer: VIM,
    kql: ['no-match', 'crontab is another mechanism, not a periodic task file'],
    eql: ['no-match', 'crontab is another mechanism, not a periodic task file'] },
  { at: '2024-06-07T09:06:00.000Z', path: '/private/etc/periodic/daily/999.local', action: 'modification', host: 'design', writer: SH,
    kql: ['match', 'the same change on a second Mac is reported too'],
    eql: ['match', 'the same change on a second Mac is reported too'] },
]

const RULE: Omit<RuleMetadata, 'version'> = {
  name: 'Potential Persistence via Periodic Tasks',
  description:
    'Identifies the creation or modification of the default configuration for periodic tasks. Adversaries may ' +
    'abuse periodic tasks to execute malicious code or maintain persistence.',
  severity: 'low',
  riskScore: 21,
  mitre: [
    { tactic: 'Persistence (TA0003)', technique: 'Scheduled Task/Job', id: 'T1053' },
    { tactic: 'Persistence (TA0003)', technique: 'Scheduled Task/Job: Cron', id: 'T1053.003' },
  ],
  interval: '5m',
  from: 'now-9m',
  maxSignals: 100,
  index: ['logs-endpoint.events.*'],
  references: [
    'https://opensource.apple.com/source/crontabs/crontabs-13/private/etc/defaults/periodic.conf.auto.html',
    'https://www.oreilly.com/library/view/mac-os-x/0596003706/re328.html',
    'https://github.com/D00MFist/PersistentJXA/blob/master/PeriodicPersist.js',
  ],
  ruleId: '48ec9452-e1fd-4513-a376-10a1a26d2c83',
}

export const PERIODIC_TASKS_KQL: Example = {
  id: 'periodic-tasks-kql',
  title: 'Periodic tasks (KQL seed version)',
  language: 'kql',
  query: KQL_QUERY,
  rule: { ...RULE, version: 107 },
  notes: 'Every change except a deletion counts; KQL wildcards on keyword fields are case-sensitive and `*` crosses `/`.',
  events: labelled(CASES, 'kql'),
}

export const PERIODIC_TASKS_EQL: Example = {
  id: 'periodic-tasks',
  title: 'Periodic tasks (current EQL version)',
  language: 'eql',
  query: EQL_QUERY,
  rule: { ...RULE, version: 110 },
  notes: 'The current version keeps only event.action == "modification": creations, renames and overwrites no longer match.',
  events: labelled(CASES, 'eql'),
}
