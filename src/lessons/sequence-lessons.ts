/**
 * Lessons on sequences, built on the LaunchDaemon example: what `by` (the join key) and `maxspan`
 * do, and how `until` ends a sequence that is still waiting.
 */
import { exampleById } from '../examples'
import { launchctl, plistWrite } from '../examples/defend-events'
import type { Expectation } from '../state/document-slice'
import { eventsOf, expectationsOf, type Lesson } from './lesson'

const DAEMON = exampleById('launch-daemon-sequence')?.events ?? []

const STAGES = `
 [file where host.os.type == "macos" and event.type != "deletion" and file.path : ("/System/Library/LaunchDaemons/*", "/Library/LaunchDaemons/*")]
 [process where host.os.type == "macos" and event.type in ("start", "process_started") and process.name == "launchctl" and process.args == "load"]
`

export const MAXSPAN_JOIN_LESSON: Lesson = {
  id: 'sequence-maxspan-join',
  title: 'Lesson: what maxspan and the join key do',
  task:
    'A LaunchDaemon plist is written, then launchctl loads it. This sequence pairs any plist write with any ' +
    'later load within five minutes, on any Mac. Find the events marked ✗: a write on one host paired with a ' +
    'load on another, and a load that came just over a minute late. Make both stages belong to the same host, ' +
    'and allow at most one minute between them (the bound is inclusive).',
  hint: '`sequence by field with maxspan=…` joins the stages on that field; the hosts differ in host.id.',
  language: 'eql',
  query: `sequence with maxspan=5m${STAGES}`,
  solution: `sequence by host.id with maxspan=1m${STAGES}`,
  events: eventsOf(DAEMON),
  expectations: expectationsOf(DAEMON),
}

const LD = '/Library/LaunchDaemons/'

/** A plist written then deleted before its load, and one that is written and loaded. */
const UNTIL_EVENTS = [
  plistWrite('2024-06-05T11:00:00.000Z', `${LD}com.example.trial.plist`, 'creation', 7201),
  plistWrite('2024-06-05T11:00:05.000Z', `${LD}com.example.trial.plist`, 'deletion', 7201),
  launchctl('2024-06-05T11:00:10.000Z', 7210, 7201, ['load', `${LD}com.example.trial.plist`]),
  plistWrite('2024-06-05T11:10:00.000Z', `${LD}com.example.helper.plist`, 'creation', 7220),
  launchctl('2024-06-05T11:10:08.000Z', 7230, 7220, ['load', `${LD}com.example.helper.plist`]),
  plistWrite('2024-06-05T11:20:00.000Z', `${LD}com.example.other.plist`, 'creation', 7240, 'design'),
  plistWrite('2024-06-05T11:20:02.000Z', `${LD}com.example.gone.plist`, 'deletion', 7250),
  launchctl('2024-06-05T11:20:06.000Z', 7260, 7240, ['load', `${LD}com.example.other.plist`], { host: 'design' }),
]

const UNTIL_EXPECTATIONS: readonly Expectation[] = [
  { eventIndex: 0, expect: 'no-match', note: 'the plist is deleted 5 s later, before anything loads it' },
  { eventIndex: 1, expect: 'no-match', note: 'the deletion: it should end the waiting sequence, not take part' },
  { eventIndex: 2, expect: 'no-match', note: 'loads a plist that is gone: nothing is left to complete' },
  { eventIndex: 3, expect: 'match', note: 'written, kept, and loaded 8 s later' },
  { eventIndex: 4, expect: 'match', note: 'completes the sequence with the write above' },
  { eventIndex: 5, expect: 'match', note: 'written on the design iMac' },
  { eventIndex: 6, expect: 'no-match', note: 'a deletion on another host (finance): it must not end the design sequence' },
  { eventIndex: 7, expect: 'match', note: 'loaded on the design iMac: the deletion elsewhere does not count' },
]

export const UNTIL_LESSON: Lesson = {
  id: 'sequence-until',
  title: 'Lesson: ending a sequence with until',
  task:
    'Some installers write a LaunchDaemon plist and delete it again at once, before anything loads it. Here the ' +
    'first write is deleted five seconds later, yet the load that follows still completes the sequence. Add a ' +
    'condition that ends a waiting sequence when a deletion happens on the same host. A deletion on another ' +
    'host must not end it.',
  hint: 'After the stages of a sequence, `until [event filter]` drops the partial sequences of the same join key.',
  language: 'eql',
  query: `sequence by host.id with maxspan=1m${STAGES}`,
  solution: `sequence by host.id with maxspan=1m${STAGES} until [file where event.type == "deletion"]
`,
  events: UNTIL_EVENTS,
  expectations: UNTIL_EXPECTATIONS,
}
