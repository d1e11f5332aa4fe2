/**
 * Lessons on case: `==` and `in` compare exactly, `:`, `in~` and `like~` ignore case. Built on the
 * Login/Logout Hook (current version) and Periodic Tasks (current EQL version) examples.
 */
import { exampleById } from '../examples'
import { eventsOf, expectationsOf, indexOfReason, type Lesson } from './lesson'

const LOGIN = exampleById('login-logout-hook')?.events ?? []
const PERIODIC = exampleById('periodic-tasks')?.events ?? []

const EXCLUSION = ` not process.args :
       (
         "Support/JAMF/ManagementFrameworkScripts/logouthook.sh",
         "Support/JAMF/ManagementFrameworkScripts/loginhook.sh",
         "/Library/Application Support/JAMF/ManagementFrameworkScripts/logouthook.sh",
         "/Library/Application Support/JAMF/ManagementFrameworkScripts/loginhook.sh"
       )
`

export const CASE_EQUALS_LESSON: Lesson = {
  id: 'case-equals',
  title: 'Lesson: why `==` misses a lower-case loginhook',
  task:
    'This rule looks for `defaults write` installing a login or logout hook, but two attack events are missed. ' +
    'Look at the events marked ✗ in the results: their hook name is written `loginhook` and `LOGOUTHOOK`. ' +
    '`==` compares exactly, case included. Change the test on the hook names so that any spelling of ' +
    'LoginHook or LogoutHook matches, and keep `process.args == "write"` as it is.',
  hint: 'EQL\'s `:` operator (and `in~`) compares strings ignoring case, and `:` takes a list: `field : ("a", "b")`.',
  language: 'eql',
  query: `process where host.os.type == "macos" and event.type == "start" and
 process.name == "defaults" and process.args == "write" and
 (process.args == "LoginHook" or process.args == "LogoutHook") and
${EXCLUSION}`,
  solution: `process where host.os.type == "macos" and event.type == "start" and
 process.name == "defaults" and process.args == "write" and
 process.args : ("LoginHook", "LogoutHook") and
${EXCLUSION}`,
  events: eventsOf(LOGIN),
  // The example's own reasons for these two name the fix; the lesson's say what is at stake.
  expectations: expectationsOf(LOGIN, {
    [indexOfReason(LOGIN, 'lower-case loginhook')]: { expect: 'match', note: 'the same hook installed with the name in lower case: an attack all the same' },
    [indexOfReason(LOGIN, 'upper-case LOGOUTHOOK')]: { expect: 'match', note: 'a logout hook with the name in upper case: an attack all the same' },
  }),
}

const CAPITAL = indexOfReason(PERIODIC, 'Periodic is not periodic')

export const CASE_LIKE_LESSON: Lesson = {
  id: 'case-like',
  title: 'Lesson: `like` and a case-insensitive file system',
  task:
    'macOS file systems ignore case by default, so /private/etc/Periodic/daily/999.local is the same file as ' +
    '/private/etc/periodic/daily/999.local. This rule uses `like`, which compares case-sensitively, so the ' +
    'capitalised path slips through. Make the path test ignore case without matching anything else: the ' +
    'backup copy periodic.conf.bak and the /etc symlink path must still not match.',
  hint: 'Most EQL comparison keywords have a case-insensitive twin written with a tilde.',
  language: 'eql',
  query: `file where host.os.type == "macos" and event.action == "modification" and
 file.path like ("/private/etc/periodic/*", "/private/etc/defaults/periodic.conf", "/private/etc/periodic.conf")
`,
  solution: `file where host.os.type == "macos" and event.action == "modification" and
 file.path like~ ("/private/etc/periodic/*", "/private/etc/defaults/periodic.conf", "/private/etc/periodic.conf")
`,
  events: eventsOf(PERIODIC),
  expectations: expectationsOf(PERIODIC, {
    [CAPITAL]: { expect: 'match', note: 'the same file as periodic/daily/999.local on a case-insensitive file system' },
  }),
}
