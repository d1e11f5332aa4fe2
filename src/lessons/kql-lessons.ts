/**
 * A KQL lesson: only `*` is a wildcard, `?` is an ordinary character (in EQL's `:` and `like` it
 * stands for one character). Built on the Periodic Tasks KQL example.
 */
import { exampleById } from '../examples'
import { eventsOf, expectationsOf, type Lesson } from './lesson'

const PERIODIC_KQL = exampleById('periodic-tasks-kql')?.events ?? []

const HEAD = `event.category:file and host.os.type:macos and not event.type:"deletion" and
 file.path:(`

export const KQL_QUESTION_MARK_LESSON: Lesson = {
  id: 'kql-question-mark',
  title: 'Lesson: why a KQL `?` is not a wildcard',
  task:
    'The periodic task scripts are named with three digits (999.local, 500.sync, 110.clean-tmps), so this rule ' +
    'was written with `???.*` for them, as one would in EQL or a shell. In KQL only `*` is a wildcard: `?` is ' +
    'an ordinary character, so the pattern only matches a file literally named "???." something. Rewrite the ' +
    'pattern so every file under /private/etc/periodic/ matches, without matching the /etc symlink path.',
  hint: 'KQL\'s `*` matches any characters, `/` included.',
  language: 'kql',
  query: `${HEAD}/private/etc/periodic/*/???.* or /private/etc/defaults/periodic.conf or /private/etc/periodic.conf)
`,
  solution: `${HEAD}/private/etc/periodic/* or /private/etc/defaults/periodic.conf or /private/etc/periodic.conf)
`,
  events: eventsOf(PERIODIC_KQL),
  expectations: expectationsOf(PERIODIC_KQL),
}
