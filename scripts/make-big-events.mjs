#!/usr/bin/env node
/**
 * Writes a large NDJSON file of our own synthetic process events, for the e2e test of streamed
 * loading (e2e/events.spec.ts) and for trying the page by hand:
 *
 *   node scripts/make-big-events.mjs [out-file] [megabytes]
 *   node scripts/make-big-events.mjs --events N [out-file]
 *
 * Defaults: <os tmp>/rule-playground-big-events.ndjson, 50 MB; by count,
 * <os tmp>/rule-playground-big-events-N.ndjson (e2e/responsiveness.spec.ts loads 200,000 events).
 * Deterministic: the same size or count gives the same bytes, so an existing file of the right
 * size is reused. Every 10,000th event is a
 * `needle.exe` process (the e2e query matches exactly those); a few lines carry non-ASCII text so
 * that chunk boundaries fall inside multi-byte characters.
 */
import { createWriteStream, existsSync, renameSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const NEEDLE_EVERY = 10_000

/** One event line (no newline) for index `i`. */
export function eventLine(i) {
  const ts = new Date(Date.UTC(2026, 10, 2, 9, 0, 0) + i * 250).toISOString()
  const needle = i % NEEDLE_EVERY === 0
  return JSON.stringify({
    '@timestamp': ts,
    event: { category: ['process'], type: ['start'], kind: 'event' },
    host: { name: `host-${i % 17}`, os: { family: 'linux' } },
    user: { name: i % 97 === 0 ? 'zoë' : `user${i % 31}` },
    process: {
      pid: 100_000 + i,
      name: needle ? 'needle.exe' : ['bash', 'sshd', 'cron', 'python3'][i % 4],
      args: ['run', String(i), i % 53 === 0 ? 'naïve ☕ 𝄞' : 'x'.repeat(i % 40)],
      command_line: `run ${i} --flag=${(i * 7919) % 1000}`,
      parent: { pid: 1000 + (i % 50), name: 'systemd' },
    },
  })
}

/** Writes lines until the file reaches `megabytes` MB; resolves with the event count. */
export async function makeBigEvents(out, megabytes) {
  const target = megabytes * 1_000_000
  const stream = createWriteStream(out)
  let bytes = 0
  let i = 0
  while (bytes < target) {
    const line = eventLine(i++) + '\n'
    bytes += Buffer.byteLength(line)
    if (!stream.write(line)) await new Promise((r) => stream.once('drain', r))
  }
  await new Promise((resolve, reject) => stream.end((err) => (err ? reject(err) : resolve())))
  return i
}

/** Bytes of the first `count` event lines, newlines included (what the file by count holds). */
export function bytesOfEvents(count) {
  let bytes = 0
  for (let i = 0; i < count; i++) bytes += Buffer.byteLength(eventLine(i)) + 1
  return bytes
}

/**
 * The file of exactly `count` events at `out` (default in the OS temp folder), written unless a
 * file of exactly the expected size is already there; resolves with its path.
 */
export async function ensureEventsByCount(count, out = join(tmpdir(), `rule-playground-big-events-${count}.ndjson`)) {
  const expected = bytesOfEvents(count)
  if (existsSync(out) && statSync(out).size === expected) return out
  // written beside and renamed, so a stopped run leaves no short file under the real name
  const partial = `${out}.partial`
  const stream = createWriteStream(partial)
  for (let i = 0; i < count; i++) {
    if (!stream.write(eventLine(i) + '\n')) await new Promise((r) => stream.once('drain', r))
  }
  await new Promise((resolve, reject) => stream.end((err) => (err ? reject(err) : resolve())))
  renameSync(partial, out)
  return out
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--events') {
  const count = Number(process.argv[3])
  if (!Number.isInteger(count) || count <= 0) {
    console.error('usage: make-big-events.mjs --events N [out-file]')
    process.exit(2)
  }
  console.log(await ensureEventsByCount(count, process.argv[4]))
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? join(tmpdir(), 'rule-playground-big-events.ndjson')
  const mb = Number(process.argv[3] ?? 50)
  if (existsSync(out) && statSync(out).size >= mb * 1_000_000 && statSync(out).size < mb * 1_000_000 + 2000) {
    console.log(out)
  } else {
    const n = await makeBigEvents(out, mb)
    console.error(`${n} events, ${statSync(out).size} bytes`)
    console.log(out)
  }
}
