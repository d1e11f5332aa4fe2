/**
 * The datasets of Elasticsearch's EQL spec tests, loaded the way Elasticsearch's own test harness
 * loads them (see ../shared/conformance/README.md, "How Elasticsearch's own harness runs a case").
 * Formats read:
 *
 *   <name>.mapping   Elasticsearch mapping JSON; lines starting with '#' are comments; the
 *                    placeholder "[runtime_random_keyword_type]" stands for keyword or wildcard
 *                    (both must answer the same: we use keyword)
 *   <name>.data, test_data.json   a JSON array of documents, possibly with '//' comment lines
 *
 * Only reading happens here; the files stay in ../shared (they are Elastic-licensed).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** One Elasticsearch index of a dataset: its mapping and its documents in file order. */
export interface EsIndex {
  readonly name: string
  readonly mapping: Record<string, unknown>
  readonly docs: Record<string, unknown>[]
}

/** Request settings and data of one spec file, as the harness sends them. */
export interface EsDataset {
  readonly name: string
  readonly indices: readonly EsIndex[]
  readonly tiebreaker: string | null
  /** top-level `_source` key naming an event in expected_event_ids */
  readonly idField: string
}

/** Lines starting with '#' removed, placeholder replaced, as the harness's readMapping does. */
export function readMappingText(text: string): Record<string, unknown> {
  const kept = text
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('#'))
    .map((line) => line.split('[runtime_random_keyword_type]').join('keyword'))
    .join('\n')
  const parsed: unknown = JSON.parse(kept)
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('mapping is not a JSON object')
  return parsed as Record<string, unknown>
}

/** Removes whole-line `//` comments (Elasticsearch's JSON parser allows them in .data files). */
export function stripLineComments(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => (line.trimStart().startsWith('//') ? '' : line))
    .join('\n')
}

/** marks a big integer kept as text; cannot occur in the data (no document value starts with it) */
const RAW = '#raw-integer:'

/**
 * Parses a data file. `timestamp` values are 18-digit Windows FILETIME integers, beyond double
 * precision: they are captured as text first so the conversions below are exact.
 */
export function readDocs(text: string): Record<string, unknown>[] {
  const guarded = stripLineComments(text).replace(/("timestamp"\s*:\s*)(\d{16,})/g, (_m, key: string, digits: string) => `${key}"${RAW}${digits}"`)
  const parsed: unknown = JSON.parse(guarded)
  if (!Array.isArray(parsed)) throw new Error('data file is not a JSON array')
  return parsed.filter((d): d is Record<string, unknown> => typeof d === 'object' && d !== null && !Array.isArray(d))
}

function rawTimestamp(doc: Record<string, unknown>): bigint | undefined {
  const t = doc['timestamp']
  if (typeof t === 'string' && t.startsWith(RAW)) return BigInt(t.slice(RAW.length))
  if (typeof t === 'number') return BigInt(Math.trunc(t))
  return undefined
}

const FILETIME_TICKS_PER_MS = 10_000n
const FILETIME_EPOCH_OFFSET_MS = 11_644_473_600_000n

/** endgame-140: `@timestamp` = FILETIME ticks / 10000 − offset (integer division) as epoch ms. */
export function fileTimeToEpochMillis(doc: Record<string, unknown>): void {
  const raw = rawTimestamp(doc)
  if (raw === undefined) return
  doc['timestamp'] = Number(raw)
  doc['@timestamp'] = Number(raw / FILETIME_TICKS_PER_MS - FILETIME_EPOCH_OFFSET_MS)
}

/**
 * endgame-140-nanos: the same digits read as nanoseconds since the epoch; `@timestamp` is written
 * as epoch milliseconds with a 6-digit fraction ("<12 digits>.<fraction>", fraction dropped when
 * zero) and `timestamp` becomes whole milliseconds.
 */
export function fileTimeAsEpochNanos(doc: Record<string, unknown>): void {
  const raw = rawTimestamp(doc)
  if (raw === undefined) return
  const digits = raw.toString()
  const millis = digits.slice(0, 12)
  const fraction = digits.slice(12)
  doc['@timestamp'] = fraction === '000000' ? millis : `${millis}.${fraction}`
  doc['timestamp'] = Number(raw / 1_000_000n)
}

interface DatasetDef {
  readonly indices: readonly { readonly name: string; readonly mapping: string; readonly data: string }[]
  readonly transform?: (doc: Record<string, unknown>) => void
  readonly tiebreaker: string | null
  readonly idField: string
}

const ENDGAME = { name: 'endgame-140', mapping: 'endgame-140.mapping', data: 'test_data.json' }

const DATASETS: Readonly<Record<string, DatasetDef>> = {
  'endgame-140': { indices: [ENDGAME], transform: fileTimeToEpochMillis, tiebreaker: 'serial_event_id', idField: 'serial_event_id' },
  'endgame-140-nanos': {
    indices: [{ ...ENDGAME, name: 'endgame-140-nanos', mapping: 'endgame-140-nanos.mapping' }],
    transform: fileTimeAsEpochNanos,
    tiebreaker: 'serial_event_id',
    idField: 'serial_event_id',
  },
  extra: { indices: [{ name: 'extra', mapping: 'extra.mapping', data: 'extra.data' }], tiebreaker: 'sequence', idField: 'sequence' },
  'missing-events': {
    indices: [{ name: 'missing-events', mapping: 'missing-events.mapping', data: 'missing-events.data' }],
    tiebreaker: 'sequence',
    idField: 'sequence',
  },
  sample: {
    indices: ['sample1', 'sample2', 'sample3'].map((n) => ({ name: n, mapping: `${n}.mapping`, data: `${n}.data` })),
    tiebreaker: null,
    idField: 'id',
  },
  'sample-multi': {
    indices: [{ name: 'sample-multi', mapping: 'sample-multi.mapping', data: 'sample-multi.data' }],
    tiebreaker: null,
    idField: 'id',
  },
}

/** Which dataset each spec file runs against (by file name). */
export const SPEC_FILE_DATASETS: Readonly<Record<string, string>> = {
  'test_queries.toml': 'endgame-140',
  'additional_test_queries.toml': 'endgame-140',
  'test_queries_date.toml': 'endgame-140',
  'test_queries_date_nanos.toml': 'endgame-140-nanos',
  'test_extra.toml': 'extra',
  'test_missing_events.toml': 'missing-events',
  'test_sample.toml': 'sample',
  'test_sample_multi.toml': 'sample-multi',
  'test_queries_unsupported.toml': 'endgame-140',
}

const loaded = new Map<string, EsDataset>()

/** Loads (once per directory) a dataset from the directory holding the spec files. Throws on I/O. */
export function loadDataset(dir: string, name: string): EsDataset {
  const key = `${dir}\u0000${name}`
  const hit = loaded.get(key)
  if (hit) return hit
  const def = DATASETS[name]
  if (!def) throw new Error(`unknown dataset ${name}`)
  const indices = def.indices.map((ix): EsIndex => {
    const docs = readDocs(readFileSync(join(dir, ix.data), 'utf8'))
    if (def.transform) docs.forEach(def.transform)
    return { name: ix.name, mapping: readMappingText(readFileSync(join(dir, ix.mapping), 'utf8')), docs }
  })
  const dataset: EsDataset = { name, indices, tiebreaker: def.tiebreaker, idField: def.idField }
  loaded.set(key, dataset)
  return dataset
}
