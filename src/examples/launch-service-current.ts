/**
 * Launch Service Creation and Immediate Loading, the successor of the LaunchDaemon seed: Defend's
 * `launch_daemon` file action, two join keys per stage (host.id, then writer = launchctl's parent),
 * and a 30-second maxspan.
 */
import type { Example } from './example'
import { LAUNCH_MITRE, LAUNCH_REFERENCES, launchctl, plistWrite } from './defend-events'

const QUERY = `sequence by host.id with maxspan=30s
 [file where host.os.type == "macos" and event.action == "launch_daemon"] by process.entity_id
 [process where host.os.type == "macos" and event.type in ("start", "process_started") and process.name == "launchctl" and process.args == "load"] by process.parent.entity_id
`

const LD = '/Library/LaunchDaemons/'

export const LAUNCH_SERVICE_CURRENT: Example = {
  id: 'launch-service-sequence',
  title: 'Launch service creation and immediate loading (sequence, current successor)',
  language: 'eql',
  query: QUERY,
  rule: {
    name: 'Launch Service Creation and Immediate Loading',
    // Our own wording: this rule has no seed document.
    description:
      'Reports a process that writes a launch daemon and then, within 30 seconds, has launchctl load it: the ' +
      'writer and the parent of launchctl must be the same process on the same host.',
    severity: 'low',
    riskScore: 21,
    mitre: LAUNCH_MITRE,
    interval: '5m',
    from: 'now-9m',
    maxSignals: 100,
    index: ['logs-endpoint.events.file*', 'logs-endpoint.events.process*'],
    references: LAUNCH_REFERENCES,
    version: 112,
    ruleId: '082e3f8c-6f80-485c-91eb-5b112cb79b28',
  },
  notes:
    'The per-stage keys join the writer (process.entity_id of the file event) with the parent of launchctl ' +
    '(process.parent.entity_id), on top of host.id. maxspan=30s is inclusive.',
  events: [
    { event: plistWrite('2024-06-06T11:00:00.000Z', `${LD}com.updater.agent.plist`, 'launch_daemon', 7001),
      expect: 'match', reason: 'a script writes a launch daemon and loads it 4 s later itself' },
    { event: launchctl('2024-06-06T11:00:04.000Z', 7002, 7001, ['load', '-w', `${LD}com.updater.agent.plist`]),
      expect: 'match', reason: 'parent entity is the writer of the plist: completes the sequence' },
    { event: plistWrite('2024-06-06T11:02:00.000Z', `${LD}com.vendor.helper.plist`, 'launch_daemon', 7050),
      expect: 'no-match', reason: 'written by one process but loaded by a launchctl of another parent' },
    { event: launchctl('2024-06-06T11:02:03.000Z', 7051, 7099, ['load', `${LD}com.vendor.helper.plist`]),
      expect: 'no-match', reason: 'its parent entity did not write a daemon: the second key differs' },
    { event: plistWrite('2024-06-06T11:05:00.000Z', `${LD}com.example.late.plist`, 'launch_daemon', 7100),
      expect: 'no-match', reason: 'loaded 30.001 s later, just outside maxspan=30s' },
    { event: launchctl('2024-06-06T11:05:30.001Z', 7101, 7100, ['load', `${LD}com.example.late.plist`]),
      expect: 'no-match', reason: 'one millisecond too late for the write above' },
    { event: plistWrite('2024-06-06T11:08:00.000Z', `${LD}com.example.edge.plist`, 'launch_daemon', 7200),
      expect: 'match', reason: 'loaded exactly 30 s later: maxspan is inclusive' },
    { event: launchctl('2024-06-06T11:08:30.000Z', 7201, 7200, ['load', `${LD}com.example.edge.plist`]),
      expect: 'match', reason: 'completes the sequence on the inclusive bound' },
    { event: plistWrite('2024-06-06T11:10:00.000Z', `${LD}com.example.remote.plist`, 'launch_daemon', 7300, 'design'),
      expect: 'no-match', reason: 'written on the design iMac; the load in the next seconds runs on another host' },
    { event: launchctl('2024-06-06T11:10:02.000Z', 7301, 7300, ['load', `${LD}com.example.remote.plist`]),
      expect: 'no-match', reason: 'same parent pid but another host.id: the join key keeps them apart' },
    { event: plistWrite('2024-06-06T11:12:00.000Z', `${LD}com.example.plain.plist`, 'creation', 7400),
      expect: 'no-match', reason: 'a plain creation: this version asks for Defend\'s launch_daemon action' },
    { event: launchctl('2024-06-06T11:12:02.000Z', 7401, 7400, ['load', `${LD}com.example.plain.plist`]),
      expect: 'no-match', reason: 'its writer produced no launch_daemon event' },
    { event: launchctl('2024-06-06T11:15:00.000Z', 7501, 7500, ['load', `${LD}com.example.order.plist`]),
      expect: 'no-match', reason: 'wrong order: loaded before the same process writes the daemon' },
    { event: plistWrite('2024-06-06T11:15:05.000Z', `${LD}com.example.order.plist`, 'launch_daemon', 7500),
      expect: 'no-match', reason: 'wrong order: the write follows the load, and nothing loads it afterwards' },
    { event: plistWrite('2024-06-06T11:20:00.000Z', `${LD}com.example.boot.plist`, 'launch_daemon', 7600),
      expect: 'match', reason: 'written, then loaded by its writer after a failed bootstrap attempt' },
    { event: launchctl('2024-06-06T11:20:02.000Z', 7601, 7600, ['bootstrap', 'system', `${LD}com.example.boot.plist`]),
      expect: 'no-match', reason: 'launchctl bootstrap is the newer verb; the rule asks for load' },
    { event: launchctl('2024-06-06T11:20:05.000Z', 7602, 7600, ['load', `${LD}com.example.boot.plist`]),
      expect: 'match', reason: 'the load 5 s after the write completes the sequence' },
    { event: plistWrite('2024-06-06T11:25:00.000Z', `${LD}com.example.legacy.plist`, 'launch_daemon', 8100, 'design'),
      expect: 'match', reason: 'written on the design iMac and loaded there by its writer' },
    { event: launchctl('2024-06-06T11:25:01.000Z', 8101, 8100, ['load', `${LD}com.example.legacy.plist`], { host: 'design', eventType: ['process_started'] }),
      expect: 'match', reason: 'process_started, the older agents\' event.type, is accepted too' },
  ],
}
