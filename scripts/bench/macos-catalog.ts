/**
 * What a day on a fleet of Macs looks like to Elastic Defend, reduced to the parts the benchmark
 * needs: common binaries with plausible arguments, and the file paths they touch. Proportions are
 * rough on purpose; what matters is that rules see realistic field shapes (arrays of args, long
 * paths, mixed case) and that seed-rule positives are rare, as in production.
 */

// A small seeded PRNG (mulberry32) so the events are identical on every run and machine: timings
// are then comparable between commits, and a regression is not a data change.
export interface Rng {
  /** uniform in [0, 1) */
  next(): number
  /** integer in [0, n) */
  int(n: number): number
  /** one element of a non-empty list */
  pick<T>(items: readonly T[]): T
  /** true with probability p */
  chance(p: number): boolean
  /** lower-case hex string of the given length */
  hex(length: number): string
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number): number => Math.floor(next() * n)
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      const item = items[int(items.length)]
      if (item === undefined) throw new Error('pick from an empty list')
      return item
    },
    chance: (p: number): boolean => next() < p,
    hex(length: number): string {
      let out = ''
      while (out.length < length) out += int(0x10000).toString(16).padStart(4, '0')
      return out.slice(0, length)
    },
  }
}

export interface Binary {
  readonly name: string
  readonly executable: string
  /** arguments after argv[0] */
  readonly args: (rng: Rng, user: string) => string[]
  /** relative frequency */
  readonly weight: number
}

const domains = ['github.com', 'updates.example.com', 'cdn.jsdelivr.net', 'dl.google.com', 'swscan.apple.com']
const bundles = ['com.apple.dock', 'com.apple.finder', 'com.google.Chrome', 'com.microsoft.Word', 'com.apple.Safari']

export const BINARIES: readonly Binary[] = [
  { name: 'zsh', executable: '/bin/zsh', weight: 8, args: () => ['-l'] },
  { name: 'bash', executable: '/bin/bash', weight: 5, args: (r) => ['-c', r.pick(['brew update', 'ls -la /tmp', 'echo $PATH', 'git fetch --all'])] },
  { name: 'git', executable: '/usr/bin/git', weight: 6, args: (r) => [r.pick(['status', 'fetch', 'pull', 'log', 'diff']), '--no-pager'] },
  { name: 'curl', executable: '/usr/bin/curl', weight: 3, args: (r) => ['-fsSL', `https://${r.pick(domains)}/${r.hex(8)}`] },
  { name: 'mdworker_shared', executable: '/System/Library/Frameworks/CoreServices.framework/Frameworks/Metadata.framework/Versions/A/Support/mdworker_shared', weight: 10, args: () => ['-s', 'mdworker', '-c', 'MDSImporterWorker', '-m', 'com.apple.mdworker.shared'] },
  { name: 'xpcproxy', executable: '/usr/libexec/xpcproxy', weight: 10, args: (r) => [`com.apple.${r.pick(['nsurlsessiond', 'cloudd', 'trustd', 'mdsync'])}`] },
  { name: 'defaults', executable: '/usr/bin/defaults', weight: 3, args: (r) => [r.pick(['read', 'write']), r.pick(bundles), r.pick(['autohide', 'AppleShowAllFiles', 'NSNavLastRootDirectory'])] },
  { name: 'launchctl', executable: '/bin/launchctl', weight: 3, args: (r, u) => r.pick([['list'], ['print', `gui/${u.length + 500}`], ['kickstart', '-k', 'system/com.apple.cfprefsd.xpc.daemon']]) },
  { name: 'osascript', executable: '/usr/bin/osascript', weight: 2, args: (r) => ['-e', r.pick(['tell application "Finder" to get name of every disk', 'display notification "Backup done"'])] },
  { name: 'python3', executable: '/usr/bin/python3', weight: 3, args: (r) => [r.pick(['-m', '-c']), r.pick(['pip list', 'http.server', 'import sys; print(sys.version)'])] },
  { name: 'node', executable: '/usr/local/bin/node', weight: 3, args: (r) => [`/Users/dev/src/${r.hex(6)}/index.js`] },
  { name: 'codesign', executable: '/usr/bin/codesign', weight: 1, args: (r) => ['-dv', `/Applications/${r.pick(['Slack', 'Zoom', 'Docker'])}.app`] },
  { name: 'xattr', executable: '/usr/bin/xattr', weight: 1, args: (r) => ['-l', `/Users/dev/Downloads/${r.hex(6)}.dmg`] },
  { name: 'softwareupdate', executable: '/usr/sbin/softwareupdate', weight: 1, args: () => ['--list', '--no-scan'] },
  { name: 'sudo', executable: '/usr/bin/sudo', weight: 1, args: (r) => ['-n', r.pick(['/usr/bin/true', '/usr/sbin/softwareupdate -l', '/bin/launchctl list'])] },
  { name: 'jamf', executable: '/usr/local/jamf/bin/jamf', weight: 1, args: (r) => [r.pick(['policy', 'recon', 'checkJSSConnection'])] },
  { name: 'ssh', executable: '/usr/bin/ssh', weight: 2, args: (r) => ['-T', `git@${r.pick(['github.com', 'gitlab.example.com'])}`] },
  { name: 'plutil', executable: '/usr/bin/plutil', weight: 1, args: (r) => ['-p', `/Library/Preferences/${r.pick(bundles)}.plist`] },
]

export const PARENTS = ['launchd', 'zsh', 'bash', 'Terminal', 'iTerm2', 'jamf', 'login', 'sshd']

export interface FileTouch {
  readonly path: string
  readonly action: 'creation' | 'modification' | 'deletion' | 'rename' | 'launch_daemon' | 'launch_agent'
}

/** A benign file event path for `user`, with the Defend action it would carry. */
export function benignFile(rng: Rng, user: string): FileTouch {
  const roll = rng.int(100)
  if (roll < 30) return { path: `/private/var/folders/${rng.hex(2)}/${rng.hex(28)}/T/TemporaryItems/${rng.hex(8)}.tmp`, action: rng.pick(['creation', 'deletion']) }
  if (roll < 55) return { path: `/Users/${user}/Library/Caches/${rng.pick(bundles)}/Cache.db`, action: 'modification' }
  if (roll < 70) return { path: `/Users/${user}/Library/Application Support/${rng.pick(['Slack', 'Code', 'Google/Chrome'])}/${rng.hex(10)}.json`, action: rng.pick(['creation', 'modification', 'rename']) }
  if (roll < 80) return { path: `/Users/${user}/Downloads/${rng.pick(['invoice', 'setup', 'report'])}-${rng.hex(4)}.${rng.pick(['pdf', 'dmg', 'zip'])}`, action: 'creation' }
  if (roll < 88) return { path: `/Users/${user}/Library/LaunchAgents/com.${rng.pick(['google', 'zoom', 'docker'])}.${rng.hex(4)}.plist`, action: 'launch_agent' }
  if (roll < 94) return { path: `/Library/Preferences/${rng.pick(bundles)}.plist`, action: 'modification' }
  if (roll < 97) return { path: `/private/etc/periodic/daily/${rng.pick(['110.clean-tmps', '130.clean-msgs', '999.local'])}`, action: rng.pick(['modification', 'creation']) }
  // vendors install LaunchDaemons too: most are never followed by `launchctl load` within a minute
  return { path: `/Library/LaunchDaemons/com.${rng.pick(['microsoft', 'docker', 'jamf', 'crowdstrike'])}.${rng.hex(4)}.plist`, action: 'launch_daemon' }
}

export function extensionOf(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1) : undefined
}
