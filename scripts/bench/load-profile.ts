/**
 * Where the time of loading a large events file goes, phase by phase, in Node:
 *
 *   node --expose-gc --import tsx scripts/bench/load-profile.ts [--events 200000] [--file f.ndjson] [--query q] [--no-yardstick]
 *
 * Takes the browser bench's NDJSON file of `--events` lean macOS events (200,000 make ~100 MB;
 * scripts/bench-browser/events-file.ts writes it once to the OS temp dir), or `--file`, then times the yardstick (decode, line split, JSON.parse of each
 * line) and the worker's own path through the real dispatcher (createHandler with the engine, as
 * engine.worker.ts builds it): beginEvents, appendEvents of 1 MiB ArrayBuffers, endEvents (which
 * builds the schema), the first run (columns filled, histogram timestamps), a second run and the
 * completion index. It ends with the worker's heap after a GC against the file size (the tab's
 * memory target is 4x). Figures are wall times of one pass: run it on a quiet machine.
 */
import { readFileSync, statSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import * as engine from '../../src/engine/index'
import { collectFieldValues, completeAt, hoverAt } from '../../src/engine/complete'
import { createEventsReader } from '../../src/engine/events/events-reader'
import { formatEql } from '../../src/engine/eql/parser'
import { timestampsOf, makeDataset } from '../../src/worker/dataset'
import { createHandler, type EngineApi } from '../../src/worker/handle'
import { PROTOCOL_VERSION, type Reply } from '../../src/worker/protocol'

const CHUNK = 1 << 20
const DEFAULT_QUERY = 'process where host.os.type == "macos" and event.type == "start" and process.name == "defaults" and process.args == "write"'

interface Options {
  readonly events: number
  readonly file: string | undefined
  readonly query: string
}

function parseOptions(argv: readonly string[]): Options {
  let events = 200_000
  let file: string | undefined
  let query = DEFAULT_QUERY
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = (): string => argv[++i] ?? ''
    if (a === '--events') events = Number(value())
    else if (a === '--file') file = value()
    else if (a === '--query') query = value()
    else if (a === '--no-yardstick') continue
    else throw new Error(`unknown option ${a ?? ''} (use --events N, --file F, --query Q, --no-yardstick)`)
  }
  return { events, file, query }
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.()
const heapMb = (): number => {
  gc()
  gc()
  const m = process.memoryUsage()
  return (m.heapUsed + m.arrayBuffers) / 1e6
}

/** Wall and CPU time (this process, all threads: on a busy machine the CPU time is the steadier figure). */
type Rows = [string, number, string, number][]

const cpuMs = (): number => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

function time<T>(rows: Rows, name: string, fn: () => T, note = ''): T {
  const t0 = performance.now()
  const c0 = cpuMs()
  const out = fn()
  rows.push([name, performance.now() - t0, note, cpuMs() - c0])
  return out
}

/** 1 MiB pieces of the file, each a fresh ArrayBuffer as the page transfers them. */
function chunksOf(bytes: Uint8Array): ArrayBuffer[] {
  const out: ArrayBuffer[] = []
  // Uint8Array's slice copies (a Node Buffer's slice would be a view of the whole file)
  for (let at = 0; at < bytes.length; at += CHUNK) out.push(Uint8Array.prototype.slice.call(bytes, at, at + CHUNK).buffer)
  return out
}

function yardstick(rows: Rows, file: string): void {
  const chunks = chunksOf(readFileSync(file))
  const texts = time(rows, 'yardstick: decode (TextDecoder, 1 MiB chunks)', () => {
    const d = new TextDecoder('utf-8')
    return chunks.map((c) => d.decode(new Uint8Array(c), { stream: true }))
  })
  const whole = texts.join('')
  const lines = time(rows, 'yardstick: line split (indexOf + slice)', () => {
    const out: string[] = []
    let from = 0
    for (let nl = whole.indexOf('\n'); nl >= 0; nl = whole.indexOf('\n', from)) {
      out.push(whole.slice(from, nl))
      from = nl + 1
    }
    return out
  })
  const parsed = time(rows, 'yardstick: JSON.parse each line', () => lines.map((l) => JSON.parse(l) as unknown), `${lines.length} lines`)
  time(rows, 'yardstick: buildSchema over the parsed events', () => engine.buildSchema({ ecs: true, events: parsed }))
  time(rows, 'yardstick: histogram timestamps (@timestamp)', () => timestampsOf(makeDataset(1, parsed, []), '@timestamp'))
  time(rows, 'engine reader alone (push decoded chunks, end)', () => {
    const r = createEventsReader()
    let n = 0
    for (const t of texts) n += r.push(t).events.length
    return n + r.end().events.length
  })
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2))
  // imported only when needed, so the script also runs in an older checkout given --file
  const file = opts.file ?? (await import('../bench-browser/events-file')).ensureEventsFile(opts.events).path
  const size = statSync(file).size
  const rows: Rows = []
  const startHeap = heapMb()
  if (!process.argv.includes('--no-yardstick')) yardstick(rows, file)
  const baseHeap = heapMb()
  console.log(`heap at start ${startHeap.toFixed(0)} MB, after the yardstick ${baseHeap.toFixed(0)} MB`)

  const timings = new Map<string, number>()
  const timed = <A extends unknown[], R>(name: string, fn: (...a: A) => R) => (...a: A): R => {
    const t0 = performance.now()
    try {
      return fn(...a)
    } finally {
      timings.set(name, (timings.get(name) ?? 0) + performance.now() - t0)
    }
  }
  const api: EngineApi<engine.EqlProgram, engine.KqlProgram> = {
    ...engine,
    buildSchema: timed('buildSchema', engine.buildSchema),
    formatEql,
    createEventsReader,
    collectFieldValues: timed('collectFieldValues', collectFieldValues),
    completeAt,
    hoverAt,
  }
  const handle = createHandler(api)
  let id = 0
  const send = (body: Record<string, unknown>, what: string): Reply => {
    const reply = handle({ id: ++id, protocol: PROTOCOL_VERSION, ...body })
    if (!reply.ok) throw new Error(`${what}: ${reply.failure.code} ${reply.failure.message}`)
    return reply
  }
  const chunks = chunksOf(readFileSync(file))
  const loadStart = performance.now()
  const loadCpu = cpuMs()
  send({ kind: 'beginEvents', datasetVersion: 1, name: 'profile.ndjson', size }, 'begin')
  time(rows, 'worker: appendEvents x ' + chunks.length, () => {
    for (const chunk of chunks) send({ kind: 'appendEvents', datasetVersion: 1, chunk }, 'append')
  })
  chunks.length = 0
  const loaded = time(rows, 'worker: endEvents (incl. schema)', () => send({ kind: 'endEvents', datasetVersion: 1 }, 'end'))
  const eventCount = loaded.ok && loaded.kind === 'endEvents' ? loaded.result.eventCount : 0
  rows.push(['  of which buildSchema', timings.get('buildSchema') ?? 0, '', NaN])
  const runBody = { kind: 'run', eventsVersion: 1, language: 'eql', query: opts.query, settings: {}, displayLimit: 500 }
  time(rows, 'worker: first run (columns, histogram)', () => send(runBody, 'run'))
  rows.push(['load to first results (sum above)', performance.now() - loadStart, `${eventCount} events`, cpuMs() - loadCpu])
  time(rows, 'worker: second run', () => send(runBody, 'run'))
  time(rows, 'worker: first completion (field/value index)', () => send({ kind: 'complete', language: 'eql', text: 'process where process.', offset: 22 }, 'complete'))
  rows.push(['  of which collectFieldValues', timings.get('collectFieldValues') ?? 0, '', NaN])
  const loadedHeap = heapMb()

  const width = Math.max(...rows.map((r) => r[0].length))
  console.log(`file ${file}: ${(size / 1e6).toFixed(1)} MB, ${eventCount} events`)
  console.log(`${'phase'.padEnd(width)}  ${'wall'.padStart(9)}  ${'cpu'.padStart(9)}`)
  for (const [name, ms, note, cpu] of rows) console.log(`${name.padEnd(width)}  ${ms.toFixed(0).padStart(6)} ms  ${Number.isNaN(cpu) ? '         ' : `${cpu.toFixed(0).padStart(6)} ms`}  ${note}`)
  console.log(`heap: ${baseHeap.toFixed(0)} MB before, ${loadedHeap.toFixed(0)} MB after load+run+completion: +${(loadedHeap - baseHeap).toFixed(0)} MB = ${((loadedHeap - baseHeap) / (size / 1e6)).toFixed(2)}x the file`)
}

void main()
