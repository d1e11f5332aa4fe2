/**
 * Login/Logout Hook, the current version: `:` for the hook names (case-insensitive) and a
 * host.os.type condition, reading only Elastic Defend's process indices.
 */
import type { Example } from './example'
import {
  JAMF_LOGIN, JAMF_LOGIN_SPLIT, JAMF_LOGOUT_SPLIT, JAMF_PARENT,
  LOGIN_HOOK_DESCRIPTION, LOGIN_HOOK_MITRE, LOGIN_HOOK_REFERENCES, LOGIN_HOOK_RULE_BASE, LW, defaultsRun,
} from './login-hook-shared'

const QUERY = `process where host.os.type == "macos" and event.type == "start" and
 process.name == "defaults" and process.args == "write" and process.args : ("LoginHook", "LogoutHook") and
 not process.args :
       (
         "Support/JAMF/ManagementFrameworkScripts/logouthook.sh",
         "Support/JAMF/ManagementFrameworkScripts/loginhook.sh",
         "/Library/Application Support/JAMF/ManagementFrameworkScripts/logouthook.sh",
         "/Library/Application Support/JAMF/ManagementFrameworkScripts/loginhook.sh"
       )
`


export const LOGIN_HOOK_CURRENT: Example = {
  id: 'login-logout-hook',
  title: 'Login or Logout Hook (current version, `:`)',
  language: 'eql',
  query: QUERY,
  rule: {
    ...LOGIN_HOOK_RULE_BASE,
    description: LOGIN_HOOK_DESCRIPTION,
    mitre: LOGIN_HOOK_MITRE,
    index: ['logs-endpoint.events.process*'],
    // The current seed page lists no references; the rule's are the ones of its older version.
    references: LOGIN_HOOK_REFERENCES,
    version: 109,
    ruleId: '5d0265bf-dea9-41a9-92ad-48a8dcd05080',
  },
  notes:
    '`:` ignores case, so this version also catches `loginhook`; `==` on process.name and process.args still ' +
    'does not. host.os.type == "macos" drops events that do not carry the field.',
  events: [
    { event: defaultsRun('2024-06-04T13:02:44.201Z', 5120, ['write', LW, 'LoginHook', '/Users/Shared/.updater.sh']),
      expect: 'match', reason: 'defaults write … LoginHook with a script in /Users/Shared: the attack itself' },
    { event: defaultsRun('2024-06-04T13:02:51.660Z', 5126, ['write', LW, 'LogoutHook', '/private/var/tmp/.x.sh'], { host: 'design' }),
      expect: 'match', reason: 'LogoutHook on another Mac: a single-event rule has no join key' },
    { event: defaultsRun('2024-06-04T13:03:10.013Z', 5140, ['write', LW, 'loginhook', '/Users/Shared/.updater.sh']),
      expect: 'match', reason: '`:` is case-insensitive, so lower-case loginhook matches LoginHook' },
    { event: defaultsRun('2024-06-04T13:03:12.540Z', 5141, ['write', LW, 'LOGOUTHOOK', '/Users/Shared/.updater.sh']),
      expect: 'match', reason: 'upper-case LOGOUTHOOK matches too, for the same reason' },
    { event: defaultsRun('2024-06-04T13:04:00.000Z', 5160, ['write', LW, 'LoginHook', '/opt/mgmt/loginhook.sh'], { parent: JAMF_PARENT }),
      expect: 'match', reason: 'a management script outside the excluded JAMF folder is still reported' },
    { event: defaultsRun('2024-06-04T13:05:21.318Z', 5188, ['write', LW, 'LoginHook', ...JAMF_LOGIN_SPLIT], { parent: JAMF_PARENT }),
      expect: 'no-match', reason: 'JAMF login hook split at "Application Support": the second half is excluded' },
    { event: defaultsRun('2024-06-04T13:05:21.802Z', 5189, ['write', LW, 'LogoutHook', ...JAMF_LOGOUT_SPLIT], { parent: JAMF_PARENT }),
      expect: 'no-match', reason: 'JAMF logout hook split at the space: the second half is excluded' },
    { event: defaultsRun('2024-06-04T13:05:40.090Z', 5195, ['write', LW, 'LoginHook', JAMF_LOGIN], { parent: JAMF_PARENT }),
      expect: 'no-match', reason: 'JAMF login hook path kept whole (quoted): the whole path is excluded' },
    { event: defaultsRun('2024-06-04T13:06:02.447Z', 5203, ['write', LW, 'LoginHook', '/Users/Shared/.updater.sh'], { osType: null }),
      expect: 'no-match', reason: 'no host.os.type: the condition host.os.type == "macos" cannot hold' },
    { event: defaultsRun('2024-06-04T13:06:30.900Z', 5210, ['WRITE', LW, 'LoginHook', '/Users/Shared/.updater.sh']),
      expect: 'no-match', reason: '`==` is case-sensitive: WRITE is not write' },
    { event: defaultsRun('2024-06-04T13:07:15.002Z', 5222, ['read', LW, 'LoginHook']),
      expect: 'no-match', reason: 'defaults read only lists the hook; there is no write argument' },
    { event: defaultsRun('2024-06-04T13:07:48.771Z', 5230, ['write', 'com.apple.dock', 'autohide', '-bool', 'true'], { user: 'mia' }),
      expect: 'no-match', reason: 'an everyday defaults write: neither hook name is an argument' },
    { event: defaultsRun('2024-06-04T13:02:44.530Z', 5120, ['write', LW, 'LoginHook', '/Users/Shared/.updater.sh'], { eventType: ['end'] }),
      expect: 'no-match', reason: 'the end event of the first attack process: event.type is end, not start' },
  ],
}
