/**
 * The JAMF exclusion of the Login/Logout Hook rule (older version): why it lists the second half
 * of the path as well as the whole path.
 */
import { exampleById } from '../examples'
import { eventsOf, expectationsOf, type Lesson } from './lesson'

const V7 = exampleById('login-logout-hook-v7')?.events ?? []

const HEAD = `process where event.type == "start" and
 process.name == "defaults" and process.args == "write" and process.args in ("LoginHook", "LogoutHook") and
 not process.args :
       (
`

export const JAMF_SPLIT_LESSON: Lesson = {
  id: 'jamf-split-argument',
  title: 'Lesson: the JAMF exclusion and an argument split at a space',
  task:
    'JAMF runs its own login and logout hook scripts, and the rule excludes them by path. But the path ' +
    '"/Library/Application Support/…" has a space: when a script passes it unquoted, the shell splits it and ' +
    'Elastic Defend records two arguments, "/Library/Application" and "Support/JAMF/…". Open the JAMF events ' +
    'marked ✗ and look at process.args. Extend the exclusion so these runs are left out too, while the ' +
    'JAMF-like script in /usr/local/jamf is still reported.',
  hint: 'The exclusion is tested against every argument. Which argument of the split runs still holds most of the path?',
  language: 'eql',
  query: `${HEAD}         "/Library/Application Support/JAMF/ManagementFrameworkScripts/logouthook.sh",
         "/Library/Application Support/JAMF/ManagementFrameworkScripts/loginhook.sh"
       )
`,
  solution: `${HEAD}         "Support/JAMF/ManagementFrameworkScripts/logouthook.sh",
         "Support/JAMF/ManagementFrameworkScripts/loginhook.sh",
         "/Library/Application Support/JAMF/ManagementFrameworkScripts/logouthook.sh",
         "/Library/Application Support/JAMF/ManagementFrameworkScripts/loginhook.sh"
       )
`,
  events: eventsOf(V7),
  expectations: expectationsOf(V7),
}
