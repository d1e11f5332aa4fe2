/**
 * The byte layer of a share link: deflate-raw through the platform's CompressionStream (no
 * library to ship, and Node 20 has it for tests) and base64url, which survives URLs, chat apps
 * and issue trackers without escaping.
 */

/** Why base64url text could not be read back. */
export type InflateFailure = 'truncated' | 'corrupted'

// btoa/atob take "binary strings"; building one in slices keeps String.fromCharCode's
// argument count under engines' limits for multi-megabyte payloads.
const SLICE = 0x8000

/** base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += SLICE) binary += String.fromCharCode(...bytes.subarray(i, i + SLICE))
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The bytes of base64url text; 'truncated' when its length cannot be whole, 'corrupted' on a foreign character. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | InflateFailure {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return 'corrupted'
  // A length of 4n+1 cannot come from whole bytes: the text was cut.
  if (text.length % 4 === 1) return 'truncated'
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4)
  const binary = atob(padded)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

async function readAll(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | 'too-large'> {
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.length
    if (total > maxBytes) {
      // Stops the inflater: a small link may expand to gigabytes (a "zip bomb").
      await reader.cancel().catch(() => undefined)
      return 'too-large'
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

/** deflate-raw of the bytes. */
export async function deflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))
  const out = await readAll(stream, Number.POSITIVE_INFINITY)
  return out === 'too-large' ? new Uint8Array() : out
}

/** The inflated bytes; 'corrupted' when they are not deflate-raw data, 'too-large' past `maxBytes`. */
export async function inflate(bytes: Uint8Array<ArrayBuffer>, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | 'corrupted' | 'too-large'> {
  try {
    return await readAll(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')), maxBytes)
  } catch {
    return 'corrupted'
  }
}

let crcTable: Uint32Array | null = null

/** CRC-32 (IEEE), the checksum of zip and PNG; deflate-raw carries none of its own. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crcTable[n] = c >>> 0
    }
  }
  let crc = 0xffffffff
  for (const b of bytes) crc = (crcTable[(crc ^ b) & 0xff] ?? 0) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/**
 * The bytes behind a header: their length (LEB128) and CRC-32 (4 bytes, big-endian). The length
 * tells a cut link (fewer bytes than announced) from a damaged one, which the inflater cannot;
 * the checksum catches damage that would still inflate, to a subtly different document.
 */
export function frame(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const header: number[] = []
  let n = bytes.length
  do {
    header.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0))
    n = Math.floor(n / 0x80)
  } while (n > 0)
  const out = new Uint8Array(header.length + 4 + bytes.length)
  out.set(header)
  new DataView(out.buffer).setUint32(header.length, crc32(bytes))
  out.set(bytes, header.length + 4)
  return out
}

/** The bytes inside a frame, or whether the frame was cut short or damaged. */
export function unframe(framed: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> | 'truncated' | 'corrupted' {
  let length = 0
  let at = 0
  for (let scale = 1; ; scale *= 0x80) {
    const b = framed[at++]
    if (b === undefined) return 'truncated'
    length += (b & 0x7f) * scale
    if (b < 0x80) break
    if (at >= 5) return 'corrupted'
  }
  if (framed.length < at + 4 + length) return 'truncated'
  if (framed.length > at + 4 + length) return 'corrupted'
  const body = framed.slice(at + 4)
  return new DataView(framed.buffer, framed.byteOffset).getUint32(at) === crc32(body) ? body : 'corrupted'
}
