/**
 * Our own small macOS process events: a LoginHook persistence attempt via `defaults write`, and
 * benign activity from the same host, including a shell the hook script would start.
 */
const host = { name: 'mbp-042', os: { family: 'macos' } }

function proc(ts: string, name: string, pid: number, args: string[], parentPid = 1) {
  return {
    '@timestamp': ts,
    event: { category: ['process'], type: ['start'] },
    host,
    process: { name, pid, args, command_line: args.join(' '), parent: { pid: parentPid } },
  }
}

export const loginHook = proc('2026-11-02T09:14:03.120Z', 'defaults', 4211, ['defaults', 'write', 'com.apple.loginwindow', 'LoginHook', '/tmp/x.sh'])
export const benignRead = proc('2026-11-02T09:14:05.002Z', 'defaults', 4230, ['defaults', 'read', 'com.apple.dock', 'autohide'])
export const hookShell = proc('2026-11-02T09:14:09.500Z', 'sh', 4290, ['sh', '/tmp/x.sh'], 4211)

export const macosEvents = [loginHook, benignRead, hookShell]

/** Many benign events, for a run that takes real time: `n` NDJSON lines. */
export function manyEvents(n: number): string {
  const lines: string[] = []
  for (let i = 0; i < n; i++) {
    const ts = new Date(Date.UTC(2026, 10, 2, 9, 0, 0) + i * 10).toISOString()
    lines.push(JSON.stringify(proc(ts, i % 2 ? 'mdworker' : 'launchd', 10_000 + i, ['x', String(i)])))
  }
  return lines.join('\n')
}
