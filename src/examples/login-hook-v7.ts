/**
 * Login/Logout Hook, the older version (rule version 7): `in` for the hook names (case-sensitive)
 * and no host.os.type condition, so it also read Auditbeat's `auditbeat-*` events.
 */
import type { Example } from './example'
import {
  JAMF_LOGIN, JAMF_LOGIN_SPLIT, JAMF_LOGOUT, JAMF_LOGOUT_SPLIT, JAMF_PARENT,
  LOGIN_HOOK_DESCRIPTION, LOGIN_HOOK_MITRE, LOGIN_HOOK_REFERENCES, LOGIN_HOOK_RULE_BASE, LW, defaultsRun,
} from './login-hook-shared'

const QUERY = `process where event.type == "start" and
 process.name == "defaults" and process.args == "write" and process.args in ("LoginHook", "LogoutHook") and
 not process.args :
       (
         "Support/JAMF/ManagementFrameworkScripts/logouthook.sh",
         "Support/JAMF/ManagementFrameworkScripts/loginhook.sh",
         "/Library/Application Support/JAMF/ManagementFrameworkScripts/logouthook.sh",
         "/Library/Application Support/JAMF/ManagementFrameworkScripts/loginhook.sh"
       )
`


export const LOGIN_HOOK_V7: Example = {
  id: 'login-logout-hook-v7',
  title: 'Login or Logout Hook (older version, `in`)',
  language: 'eql',
  query: QUERY,
  rule: {
    ...LOGIN_HOOK_RULE_BASE,
    description: LOGIN_HOOK_DESCRIPTION,
    mitre: LOGIN_HOOK_MITRE,
    index: ['auditbeat-*', 'logs-endpoint.events.*'],
    references: LOGIN_HOOK_REFERENCES,
    version: 7,
    ruleId: '5d0265bf-dea9-41a9-92ad-48a8dcd05080',
  },
  notes:
    '`in` compares case-sensitively, so a lower-case `loginhook` slips past this version; the exclusion uses `:` ' +
    'and so ignores case. The JAMF path is listed both whole and as its second half, because the path has a space.',
  events: [
    { event: defaultsRun('2024-06-03T08:14:02.117Z', 4101, ['write', LW, 'LoginHook', '/Users/Shared/.updater.sh']),
      expect: 'match', reason: 'defaults write … LoginHook with a script in /Users/Shared: the attack itself' },
    { event: defaultsRun('2024-06-03T08:14:09.530Z', 4107, ['write', LW, 'LogoutHook', '/private/tmp/.cleanup.sh']),
      expect: 'match', reason: 'LogoutHook is the other name in the `in` list' },
    { event: defaultsRun('2024-06-03T08:15:40.002Z', 4130, ['write', LW, 'LoginHook', '/usr/local/bin/hook.sh'], { osType: null }),
      expect: 'match', reason: 'no host.os.type (Auditbeat event): this version does not ask for it' },
    { event: defaultsRun('2024-06-03T08:16:11.870Z', 4188, ['write', LW, 'LoginHook', '/usr/local/jamf/bin/loginhook.sh'], { parent: JAMF_PARENT }),
      expect: 'match', reason: 'a JAMF-like script outside Application Support is not in the exclusion list' },
    { event: defaultsRun('2024-06-03T08:17:20.455Z', 4203, ['write', LW, 'LoginHook', ...JAMF_LOGIN_SPLIT], { parent: JAMF_PARENT }),
      expect: 'no-match', reason: 'JAMF login hook, path split at the space: the second half is excluded' },
    { event: defaultsRun('2024-06-03T08:17:20.921Z', 4204, ['write', LW, 'LogoutHook', ...JAMF_LOGOUT_SPLIT], { parent: JAMF_PARENT }),
      expect: 'no-match', reason: 'JAMF logout hook, path split at the space: the second half is excluded' },
    { event: defaultsRun('2024-06-03T08:18:03.300Z', 4230, ['write', LW, 'LogoutHook', JAMF_LOGOUT], { parent: JAMF_PARENT }),
      expect: 'no-match', reason: 'JAMF logout hook path kept in one argument: the whole path is excluded' },
    { event: defaultsRun('2024-06-03T08:18:04.010Z', 4231, ['write', LW, 'LoginHook', JAMF_LOGIN.replace('loginhook', 'LoginHook')], { parent: JAMF_PARENT }),
      expect: 'no-match', reason: 'exclusion uses `:`, which ignores case, so LoginHook.sh is excluded too' },
    { event: defaultsRun('2024-06-03T08:19:45.610Z', 4266, ['write', LW, 'loginhook', '/Users/Shared/.updater.sh']),
      expect: 'no-match', reason: '`in` is case-sensitive: lower-case loginhook is not LoginHook' },
    { event: defaultsRun('2024-06-03T08:20:12.001Z', 4290, ['write', LW, 'LoginHook', '/Users/Shared/.updater.sh', JAMF_LOGIN_SPLIT[1]]),
      expect: 'no-match', reason: 'evasion: any argument matching the exclusion hides the event, even a spare one' },
    { event: defaultsRun('2024-06-03T08:21:30.777Z', 4302, ['read', LW, 'LoginHook']),
      expect: 'no-match', reason: 'defaults read only lists the hook; there is no write argument' },
    { event: defaultsRun('2024-06-03T08:21:58.140Z', 4311, ['delete', LW, 'LoginHook']),
      expect: 'no-match', reason: 'removing a hook is not installing one: no write argument' },
    { event: defaultsRun('2024-06-03T08:22:31.508Z', 4320, ['write', LW, 'TALLogoutSavesState', '-bool', 'false']),
      expect: 'no-match', reason: 'benign loginwindow setting: neither hook name is an argument' },
    { event: defaultsRun('2024-06-03T08:14:02.390Z', 4101, ['write', LW, 'LoginHook', '/Users/Shared/.updater.sh'], { eventType: ['end'] }),
      expect: 'no-match', reason: 'the end event of the first attack process: event.type is end, not start' },
  ],
}
