/**
 * The page's starting content: a macOS login-hook persistence rule and two events of our own
 * (one malicious, one benign), so a first visit shows a match without any setup.
 */
export const EXAMPLE_QUERY = `process where event.type == "start" and process.name == "defaults" and
  process.args : "write" and process.args : ("LoginHook", "LogoutHook")`

export const EXAMPLE_EVENTS = [
  {
    '@timestamp': '2026-11-02T09:14:03.120Z',
    event: { category: ['process'], type: ['start'] },
    host: { name: 'mbp-042', os: { family: 'macos' } },
    process: { name: 'defaults', pid: 4211, args: ['defaults', 'write', 'com.apple.loginwindow', 'LoginHook', '/tmp/x.sh'] },
  },
  {
    '@timestamp': '2026-11-02T09:15:40.002Z',
    event: { category: ['process'], type: ['start'] },
    host: { name: 'mbp-042', os: { family: 'macos' } },
    process: { name: 'defaults', pid: 4230, args: ['defaults', 'read', 'com.apple.dock', 'autohide'] },
  },
]
  .map((e) => JSON.stringify(e))
  .join('\n')
