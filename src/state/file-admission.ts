/**
 * Which event files the page agrees to load (issue 9). Files come from anywhere (a compromised
 * host's logs, a mistaken pick), so two checks run before a file is read as events:
 *
 * - size, before reading a byte: the worker holds every event as objects, measured at ~1.6-1.8x
 *   the NDJSON's size in JS heap (docs/performance.md, "Loading large files"). Past the limit the
 *   tab would run out of memory long after the user waited for the bar, so it is refused at once;
 * - the first bytes only (`Blob.slice` is lazy, so a 1 GB file costs 4 KB here): a compressed
 *   archive, an image, UTF-16 or anything with NUL bytes or invalid UTF-8 is not JSON text, and
 *   loading it would only give a wall of "could not be read" lines (or mojibake values).
 *
 * A refusal is a sentence for the events panel naming the file, what it is, and what to do; the
 * current events are not touched (effects-events.ts reports it with `failEventsLoad`).
 */

/** Files (all files of one drop together) up to this many bytes load; larger ones are refused. */
export const MAX_EVENTS_FILE_BYTES = 500_000_000

/** How much of each file is looked at to tell text from binary. */
export const SNIFF_BYTES = 4096

/** What the first bytes say a file is, when it is not text the events reader can use. */
export type NotText =
  | { readonly kind: 'compressed'; readonly format: string; readonly tool: string }
  | { readonly kind: 'document'; readonly format: string }
  | { readonly kind: 'utf16' }
  | { readonly kind: 'binary'; readonly offset: number; readonly why: 'nul' | 'utf8' }

interface Magic {
  readonly bytes: readonly number[]
  readonly result: NotText
}

// Signatures from each format's own specification (RFC 1952 gzip, PKWARE APPNOTE zip, ...).
const MAGICS: readonly Magic[] = [
  { bytes: [0x1f, 0x8b], result: { kind: 'compressed', format: 'gzip', tool: 'gunzip' } },
  { bytes: [0x50, 0x4b, 0x03, 0x04], result: { kind: 'compressed', format: 'zip', tool: 'unzip' } },
  { bytes: [0x50, 0x4b, 0x05, 0x06], result: { kind: 'compressed', format: 'zip', tool: 'unzip' } },
  { bytes: [0x42, 0x5a, 0x68], result: { kind: 'compressed', format: 'bzip2', tool: 'bunzip2' } },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], result: { kind: 'compressed', format: 'xz', tool: 'unxz' } },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], result: { kind: 'compressed', format: 'zstd', tool: 'unzstd' } },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], result: { kind: 'compressed', format: '7-Zip', tool: '7z x' } },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], result: { kind: 'document', format: 'PNG image' } },
  { bytes: [0xff, 0xd8, 0xff], result: { kind: 'document', format: 'JPEG image' } },
  { bytes: [0x47, 0x49, 0x46, 0x38], result: { kind: 'document', format: 'GIF image' } },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], result: { kind: 'document', format: 'PDF document' } },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], result: { kind: 'document', format: 'ELF program' } },
  { bytes: [0x4d, 0x5a], result: { kind: 'document', format: 'Windows program' } },
  { bytes: [0xd4, 0xc3, 0xb2, 0xa1], result: { kind: 'document', format: 'packet capture (pcap)' } },
  { bytes: [0xa1, 0xb2, 0xc3, 0xd4], result: { kind: 'document', format: 'packet capture (pcap)' } },
  { bytes: [0x45, 0x6c, 0x66, 0x46, 0x69, 0x6c, 0x65, 0x00], result: { kind: 'document', format: 'Windows event log (EVTX)' } },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], result: { kind: 'document', format: 'SQLite database' } },
]

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)

/**
 * What the first bytes of a file say it is: null when they can be JSON text (UTF-8, a BOM
 * allowed), else why not. Pure: tests call it with plain byte arrays.
 */
export function sniffNotText(bytes: Uint8Array): NotText | null {
  for (const m of MAGICS) if (startsWith(bytes, m.bytes)) return m.result
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return { kind: 'utf16' }
  // JSON text never holds a raw NUL (it must be written \u0000): a NUL means binary, or UTF-16
  // without its byte-order mark.
  const nul = bytes.indexOf(0)
  if (nul >= 0) return { kind: 'binary', offset: nul, why: 'nul' }
  try {
    // `stream: true`: a character cut by the end of the sniffed slice is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true })
  } catch {
    return { kind: 'binary', offset: firstInvalidUtf8(bytes), why: 'utf8' }
  }
  return null
}

/** About where the first byte that is not valid UTF-8 sits (the longest valid prefix; for the message). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0
  let hi = bytes.length
  // the longest valid prefix, by halving: decode() of a prefix is valid iff no error lies in it
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true })
      lo = mid
    } catch {
      hi = mid - 1
    }
  }
  return lo
}

/** "512 B", "1.4 MB", "1.07 GB" (decimal units, as file managers show sizes). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`
  if (n < 1_000_000_000) return `${(n / 1_000_000).toFixed(1)} MB`
  return `${(n / 1_000_000_000).toFixed(2)} GB`
}

const KEPT = 'Your current events are kept.'

/** The sentence shown for a file whose first bytes are not text; `kept` ends it (what stays as it was). */
export function notTextMessage(name: string, what: NotText, kept: string = KEPT): string {
  switch (what.kind) {
    case 'compressed':
      return `${name} looks like a ${what.format} file: decompress it first (e.g. ${what.tool}), then load the file inside. ${kept}`
    case 'document':
      return `${name} looks like a ${what.format}, not a text file. ${kept}`
    case 'utf16':
      return `${name} is UTF-16 text: save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8), then load it again. ${kept}`
    case 'binary':
      return what.why === 'nul'
        ? `${name} is not text (a NUL byte at byte ${what.offset}). ${kept}`
        : `${name} is not UTF-8 text (invalid near byte ${what.offset}): if it is text in another encoding, save it as UTF-8 and load it again. ${kept}`
  }
}

/** The sentence shown for files over the limit, before any of them is read. */
export function tooLargeMessage(name: string, size: number, limit: number = MAX_EVENTS_FILE_BYTES): string {
  return (
    `${name} is ${formatBytes(size)}; the playground loads up to ${formatBytes(limit)} of events at once, as the tab holds every event in memory ` +
    `(about twice the file's size). Split the file (e.g. split -l 200000) or keep only the fields the rule reads (e.g. with jq), then load a part. ${KEPT}`
  )
}

/** A file as the checks see it: a name and lazily sliced bytes (File is one). */
export interface NamedBlob {
  readonly name: string
  readonly size: number
  slice(start?: number, end?: number): Blob
}

export interface AdmissionOptions {
  readonly maxBytes?: number
  readonly sniffBytes?: number
}

/** Rule files (TOML, Kibana JSON or export NDJSON, documentation pages) up to this many bytes are read. */
export const MAX_RULE_FILE_BYTES = 20_000_000

/**
 * Null when `file` may be read as a rule, else why not. A rule file goes whole into the import
 * box as text, so a large one would freeze the dialog; an export of every Elastic prebuilt rule
 * is about 15 MB.
 */
export async function refuseRuleFile(file: NamedBlob, maxBytes: number = MAX_RULE_FILE_BYTES): Promise<string | null> {
  const kept = 'Nothing was imported.'
  if (file.size > maxBytes) return `${file.name} is ${formatBytes(file.size)}; a rule file is read up to ${formatBytes(maxBytes)}. Export only the rules you need. ${kept}`
  const what = sniffNotText(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()))
  return what ? notTextMessage(file.name, what, kept) : null
}

/**
 * Null when `files` may be loaded as events, else the message saying why not. The size check
 * reads nothing; the content check reads only the first `sniffBytes` of each file.
 */
export async function refuseEventsFiles(files: readonly NamedBlob[], options: AdmissionOptions = {}): Promise<string | null> {
  const limit = options.maxBytes ?? MAX_EVENTS_FILE_BYTES
  const size = files.reduce((n, f) => n + f.size, 0)
  if (size > limit) {
    const name = files.length === 1 ? (files[0]?.name ?? 'The file') : `${files.length} files together`
    return tooLargeMessage(name, size, limit)
  }
  for (const file of files) {
    let head: Uint8Array
    try {
      head = new Uint8Array(await file.slice(0, options.sniffBytes ?? SNIFF_BYTES).arrayBuffer())
    } catch {
      // moved or deleted since it was picked, or a folder dropped as a file
      return `${file.name} could not be read. ${KEPT}`
    }
    const what = sniffNotText(head)
    if (what) return notTextMessage(file.name, what)
  }
  return null
}
