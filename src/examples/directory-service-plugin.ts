/**
 * Persistence via DirectoryService Plugin Modification: the KQL seed version and the current EQL
 * version, on the same events (see FileCase in defend-events.ts).
 */
import type { Example, RuleMetadata } from './example'
import { labelled, type FileCase } from './defend-events'

const KQL_QUERY = `event.category:file and host.os.type:macos and not event.type:deletion and
  file.path:/Library/DirectoryServices/PlugIns/*.dsplug
`

const EQL_QUERY = `file where host.os.type == "macos" and event.action == "modification" and
  file.path like "/Library/DirectoryServices/PlugIns/*.dsplug"
`

const PI = '/Library/DirectoryServices/PlugIns/'
const CP = { name: 'cp', pid: 9120, executable: '/bin/cp' }
const INSTALLER = { name: 'installer', pid: 9001, executable: '/usr/sbin/installer' }

const CASES: readonly FileCase[] = [
  { at: '2024-06-08T14:00:00.000Z', path: `${PI}NetAuth.dsplug`, action: 'creation', writer: CP,
    kql: ['match', 'a new plugin bundle in PlugIns: the attack itself'],
    eql: ['no-match', 'a creation: the current version asks for event.action modification only'] },
  { at: '2024-06-08T14:00:03.000Z', path: `${PI}NetAuth.dsplug`, action: 'modification', writer: CP,
    kql: ['match', 'the plugin bundle modified'],
    eql: ['match', 'the plugin bundle modified: the attack itself'] },
  { at: '2024-06-08T14:01:00.000Z', path: `${PI}Vendor/Legacy.dsplug`, action: 'modification', writer: INSTALLER,
    kql: ['match', '`*` also matches across `/`, so a bundle in a subfolder matches'],
    eql: ['match', '`*` also matches across `/`, so a bundle in a subfolder matches'] },
  { at: '2024-06-08T14:01:30.000Z', path: `${PI}NetAuth.dsplug`, action: 'rename', writer: CP,
    kql: ['match', 'a rename into place is a change, not a deletion'],
    eql: ['no-match', 'a rename: event.action is not modification'] },
  { at: '2024-06-08T14:02:00.000Z', path: `${PI}NetAuth.dsplug/Contents/MacOS/NetAuth`, action: 'modification', writer: CP,
    kql: ['no-match', 'a file inside the bundle: the path must end in .dsplug'],
    eql: ['no-match', 'a file inside the bundle: the path must end in .dsplug'] },
  { at: '2024-06-08T14:02:30.000Z', path: `${PI}NetAuth.DSPLUG`, action: 'modification', writer: CP,
    kql: ['no-match', 'KQL on a keyword field is case-sensitive: .DSPLUG is not .dsplug'],
    eql: ['no-match', '`like` is case-sensitive: .DSPLUG is not .dsplug'] },
  { at: '2024-06-08T14:03:00.000Z', path: `${PI}Old.dsplug`, action: 'deletion', writer: INSTALLER,
    kql: ['no-match', 'a deletion is excluded by not event.type:deletion'],
    eql: ['no-match', 'a deletion: event.action is not modification'] },
  { at: '2024-06-08T14:03:30.000Z', path: '/System/Library/DirectoryServices/PlugIns/Old.dsplug', action: 'modification', writer: INSTALLER,
    kql: ['no-match', 'under /System/Library: the pattern starts with /Library'],
    eql: ['no-match', 'under /System/Library: the pattern starts with /Library'] },
  { at: '2024-06-08T14:04:00.000Z', path: '/Library/DirectoryServices/DefaultLocalDB/dsmappings.plist', action: 'modification', writer: INSTALLER,
    kql: ['no-match', 'benign directory-service data outside PlugIns'],
    eql: ['no-match', 'benign directory-service data outside PlugIns'] },
  { at: '2024-06-08T14:04:30.000Z', path: `${PI}NetAuth.dsplug`, action: 'modification', osType: null, writer: CP,
    kql: ['no-match', 'no host.os.type, so host.os.type:macos cannot hold'],
    eql: ['no-match', 'no host.os.type, so host.os.type == "macos" cannot hold'] },
  { at: '2024-06-08T14:05:00.000Z', path: `${PI}NetAuth.dsplug`, action: 'modification', host: 'design', writer: CP,
    kql: ['match', 'the same change on a second Mac is reported too'],
    eql: ['match', 'the same change on a second Mac is reported too'] },
]

const RULE: Omit<RuleMetadata, 'version'> = {
  name: 'Persistence via DirectoryService Plugin Modification',
  description:
    'Identifies the creation or modification of a DirectoryService PlugIns (dsplug) file. The DirectoryService ' +
    'daemon launches on each system boot and automatically reloads after crash. It scans and executes bundles that ' +
    'are located in the DirectoryServices PlugIns folder and can be abused by adversaries to maintain persistence.',
  severity: 'medium',
  riskScore: 47,
  mitre: [{ tactic: 'Persistence (TA0003)', technique: 'Boot or Logon Autostart Execution', id: 'T1547' }],
  interval: '5m',
  from: 'now-9m',
  maxSignals: 100,
  index: ['logs-endpoint.events.*'],
  references: ['https://blog.chichou.me/2019/11/21/two-macos-persistence-tricks-abusing-plugins/'],
  ruleId: '89fa6cb7-6b53-4de2-b604-648488841ab8',
}

export const DIRECTORY_SERVICE_KQL: Example = {
  id: 'directory-service-plugin-kql',
  title: 'DirectoryService plugin (KQL seed version)',
  language: 'kql',
  query: KQL_QUERY,
  rule: { ...RULE, version: 107 },
  notes: 'A wildcard in the middle of a KQL value: `*` matches any run of characters, `/` included.',
  events: labelled(CASES, 'kql'),
}

export const DIRECTORY_SERVICE_EQL: Example = {
  id: 'directory-service-plugin',
  title: 'DirectoryService plugin (current EQL version)',
  language: 'eql',
  query: EQL_QUERY,
  rule: { ...RULE, version: 111 },
  notes: 'The current version keeps only event.action == "modification" and uses the case-sensitive `like`.',
  events: labelled(CASES, 'eql'),
}
