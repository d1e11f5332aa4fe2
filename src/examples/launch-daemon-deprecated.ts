/**
 * LaunchDaemon creation and immediate loading, the seed version (now deprecated upstream): a
 * two-stage sequence joined on host.id within one minute.
 */
import type { Example } from './example'
import { LAUNCH_MITRE, LAUNCH_REFERENCES, launchctl, plistWrite } from './defend-events'

const QUERY = `sequence by host.id with maxspan=1m
 [file where host.os.type == "macos" and event.type != "deletion" and file.path : ("/System/Library/LaunchDaemons/*", "/Library/LaunchDaemons/*")]
 [process where host.os.type == "macos" and event.type in ("start", "process_started") and process.name == "launchctl" and process.args == "load"]
`

const LD = '/Library/LaunchDaemons/'

export const LAUNCH_DAEMON_DEPRECATED: Example = {
  id: 'launch-daemon-sequence',
  title: 'LaunchDaemon creation and immediate loading (sequence, seed version)',
  language: 'eql',
  query: QUERY,
  rule: {
    name: 'LaunchDaemon Creation or Modification and Immediate Loading',
    description:
      'Indicates the creation or modification of a launch daemon, which adversaries may use to repeatedly execute ' +
      'malicious payloads as part of persistence.',
    severity: 'low',
    riskScore: 21,
    mitre: LAUNCH_MITRE,
    // The rule file sets no interval, so the detection engine's default applies.
    interval: '5m',
    from: 'now-9m',
    maxSignals: 100,
    index: ['logs-endpoint.events.*'],
    references: LAUNCH_REFERENCES,
    ruleId: '9d19ece6-c20e-481a-90c5-ccca596537de',
  },
  notes:
    'Both events must share host.id and the load must come at most one minute after the plist write (the bound ' +
    'is inclusive). A newer plist write on the same host replaces an older one that is still waiting.',
  events: [
    { event: plistWrite('2024-06-05T10:00:00.000Z', `${LD}com.apple.sysupdate.helper.plist`, 'creation', 7001),
      expect: 'match', reason: 'a new plist in /Library/LaunchDaemons, loaded 12 s later on the same host' },
    { event: launchctl('2024-06-05T10:00:12.000Z', 7010, 7001, ['load', '-w', `${LD}com.apple.sysupdate.helper.plist`]),
      expect: 'match', reason: 'launchctl load right after the write: completes the sequence' },
    { event: plistWrite('2024-06-05T10:05:00.000Z', `${LD}us.zoom.ZoomDaemon.plist`, 'modification', 7020),
      expect: 'match', reason: 'a modified daemon plist also starts the sequence (only deletions are left out)' },
    { event: launchctl('2024-06-05T10:06:00.000Z', 7030, 7020, ['load', `${LD}us.zoom.ZoomDaemon.plist`]),
      expect: 'match', reason: 'exactly 60 s after the write: maxspan is inclusive' },
    { event: plistWrite('2024-06-05T10:10:00.000Z', `${LD}com.example.late.plist`, 'creation', 7040),
      expect: 'no-match', reason: 'its load comes 60.001 s later, just outside the one-minute maxspan' },
    { event: launchctl('2024-06-05T10:11:00.001Z', 7050, 7040, ['load', `${LD}com.example.late.plist`]),
      expect: 'no-match', reason: 'one millisecond too late for the write above' },
    { event: plistWrite('2024-06-05T10:15:00.000Z', `${LD}com.example.remote.plist`, 'creation', 8001, 'design'),
      expect: 'no-match', reason: 'written on the design iMac; the only load in the next minute is on another host' },
    { event: launchctl('2024-06-05T10:15:05.000Z', 7060, 7055, ['load', `${LD}com.example.remote.plist`]),
      expect: 'no-match', reason: 'another host.id than the write: the join key keeps them apart' },
    { event: launchctl('2024-06-05T10:20:00.000Z', 7070, 7065, ['load', `${LD}com.example.order.plist`]),
      expect: 'no-match', reason: 'wrong order: the load comes before any plist write on this host' },
    { event: plistWrite('2024-06-05T10:20:10.000Z', `${LD}com.example.order.plist`, 'creation', 7065),
      expect: 'no-match', reason: 'wrong order: written after the load, and nothing loads it afterwards' },
    { event: plistWrite('2024-06-05T10:30:00.000Z', `${LD}com.example.first.plist`, 'creation', 7080),
      expect: 'no-match', reason: 'a newer plist write on the same host replaces this waiting partial sequence' },
    { event: plistWrite('2024-06-05T10:30:05.000Z', `${LD}com.example.second.plist`, 'modification', 7080),
      expect: 'match', reason: 'the most recent waiting write is the one the load completes' },
    { event: launchctl('2024-06-05T10:30:07.000Z', 7090, 7080, ['load', `${LD}com.example.second.plist`]),
      expect: 'match', reason: 'completes the sequence with the newer write' },
    { event: plistWrite('2024-06-05T10:40:00.000Z', `${LD}com.example.old.plist`, 'deletion', 8010, 'design'),
      expect: 'no-match', reason: 'a deletion never starts the sequence (event.type != "deletion")' },
    { event: launchctl('2024-06-05T10:40:03.000Z', 8020, 8010, ['load', `${LD}com.example.old.plist`], { host: 'design' }),
      expect: 'no-match', reason: 'nothing recent to complete on this host: the only write was a deletion' },
    { event: plistWrite('2024-06-05T10:45:00.000Z', '/Library/LaunchAgents/com.example.agent.plist', 'creation', 7100),
      expect: 'no-match', reason: 'a LaunchAgent, not a LaunchDaemon: the path patterns do not cover it' },
    { event: launchctl('2024-06-05T10:45:02.000Z', 7110, 7100, ['load', '/Library/LaunchAgents/com.example.agent.plist']),
      expect: 'no-match', reason: 'loads the LaunchAgent; no daemon plist was written before it' },
    { event: plistWrite('2024-06-05T10:50:00.000Z', '/library/launchdaemons/com.example.lower.plist', 'creation', 7120),
      expect: 'match', reason: 'lower-case path: `:` ignores case, as the case-insensitive file system does' },
    { event: launchctl('2024-06-05T10:50:10.000Z', 7130, 7120, ['LOAD', '/library/launchdaemons/com.example.lower.plist']),
      expect: 'no-match', reason: '`==` is case-sensitive: LOAD is not load' },
    { event: launchctl('2024-06-05T10:50:20.000Z', 7140, 7120, ['load', '/library/launchdaemons/com.example.lower.plist']),
      expect: 'match', reason: 'the retry with load completes the sequence 20 s after the write' },
  ],
}
