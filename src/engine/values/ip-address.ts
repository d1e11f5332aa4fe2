import ipaddr from 'ipaddr.js'
import type { IpValue, ValueFault } from './indexed-types'

/**
 * IP addresses the way Elasticsearch's `ip` field sees them: every address lives in the 16-byte
 * IPv6 space and IPv4 is stored IPv4-mapped (::ffff:a.b.c.d), so `10.0.0.1` and `::ffff:10.0.0.1`
 * are the same value, and an IPv4 CIDR `/p` is the IPv6 block `/96+p`. Parsing is strict like
 * ES's `InetAddresses.forString`: IPv4 only as four decimal parts without leading zeros (no
 * `10.1`, no octal/hex forms that `ipaddr.js` would accept), IPv6 without zone ids.
 */

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/

function v4Bytes(text: string): number[] | undefined {
  const m = V4.exec(text)
  if (m === null) return undefined
  const out: number[] = []
  for (let i = 1; i <= 4; i++) {
    const part = m[i] ?? ''
    if (part.length > 1 && part.startsWith('0')) return undefined
    const n = Number(part)
    if (n > 255) return undefined
    out.push(n)
  }
  return out
}

function bytesOf(text: string): number[] | undefined {
  const four = v4Bytes(text)
  if (four !== undefined) return [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...four]
  if (!text.includes(':') || text.includes('%') || !ipaddr.IPv6.isValid(text)) return undefined
  try {
    return ipaddr.IPv6.parse(text).toByteArray()
  } catch {
    return undefined // isValid and parse disagree only on exotic input; treat as not an address
  }
}

const HEX = '0123456789abcdef'

function fromBytes(bytes: readonly number[]): IpValue {
  let hex = ''
  for (const b of bytes) hex += (HEX[b >> 4] ?? '0') + (HEX[b & 15] ?? '0')
  return { kind: 'ip', text: textOf(bytes), hex }
}

function textOf(bytes: readonly number[]): string {
  let mapped = bytes[10] === 0xff && bytes[11] === 0xff
  for (let i = 0; i < 10 && mapped; i++) if (bytes[i] !== 0) mapped = false
  if (mapped) return bytes.slice(12).join('.')
  const parts: number[] = []
  for (let i = 0; i < 16; i += 2) parts.push(((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0))
  return new ipaddr.IPv6(parts).toRFC5952String()
}

const BYTE_HEX: readonly string[] = Array.from({ length: 256 }, (_, b) => (b < 16 ? '0' : '') + b.toString(16))
const MAPPED_PREFIX = '00000000000000000000ffff'

/**
 * Dotted-quad fast path: no RegExp, no arrays. A valid strict IPv4 text is already canonical, so
 * it is its own display text.
 */
function parseV4(text: string): IpValue | undefined | null {
  const n = text.length
  if (n < 7 || n > 15) return null
  let hex = MAPPED_PREFIX
  let i = 0
  for (let part = 0; part < 4; part++) {
    const start = i
    let v = 0
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c < 48 || c > 57) break
      v = v * 10 + (c - 48)
      i++
    }
    const len = i - start
    if (len === 0 || len > 3 || v > 255 || (len > 1 && text.charCodeAt(start) === 48)) return undefined
    hex += BYTE_HEX[v] ?? '00'
    if (part < 3) {
      if (text.charCodeAt(i) !== 46) return undefined
      i++
    }
  }
  return i === n ? { kind: 'ip', text, hex } : undefined
}

// Addresses repeat a lot in real events and IPv6 parsing is costly, so results are memoised; the
// values are immutable, so sharing them is safe. The map is simply cleared when it grows large.
const memo = new Map<string, IpValue | null>()
const MEMO_LIMIT = 10_000

/** Parses an IP address (string); undefined when it is not one Elasticsearch would accept. */
export function parseIp(value: unknown): IpValue | undefined {
  if (typeof value !== 'string') return undefined
  const hit = memo.get(value)
  if (hit !== undefined) return hit ?? undefined
  const v4 = value.includes(':') ? null : parseV4(value)
  let result: IpValue | undefined
  if (v4 !== null) result = v4
  else {
    const bytes = bytesOf(value)
    result = bytes === undefined ? undefined : fromBytes(bytes)
  }
  if (memo.size >= MEMO_LIMIT) memo.clear()
  memo.set(value, result ?? null)
  return result
}

/** Orders addresses numerically in the 16-byte space (IPv4 before most IPv6). */
export function compareIp(a: IpValue, b: IpValue): number {
  return a.hex < b.hex ? -1 : a.hex > b.hex ? 1 : 0
}

/** A parsed CIDR block in the 16-byte space. */
export interface Cidr {
  readonly hex: string
  /** prefix length in bits, 0..128 (IPv4 blocks are offset by 96) */
  readonly bits: number
  readonly text: string
}

/**
 * Parses `addr/prefix` (IPv4 or IPv6) or a bare address (a block of one). Host bits may be set
 * (`10.1.2.3/8` is `10.0.0.0/8`), as ES accepts. Invalid input is returned as a fault.
 */
export function parseCidr(text: string): Cidr | ValueFault {
  const slash = text.indexOf('/')
  const addr = slash < 0 ? text : text.slice(0, slash)
  const ip = parseIp(addr)
  const isV4 = v4Bytes(addr) !== undefined
  if (ip === undefined) return { fault: `'${addr}' is not an IP string literal.` }
  let bits = isV4 ? 32 : 128
  if (slash >= 0) {
    const p = text.slice(slash + 1)
    if (!/^\d{1,3}$/.test(p) || Number(p) > bits) {
      return { fault: `Expected a CIDR block but found [${text}]: invalid prefix length` }
    }
    bits = Number(p)
  }
  return { hex: ip.hex, bits: isV4 ? bits + 96 : bits, text }
}

/** True when the address lies in the block. */
export function cidrContains(ip: IpValue, cidr: Cidr): boolean {
  const full = cidr.bits >> 2
  if (ip.hex.slice(0, full) !== cidr.hex.slice(0, full)) return false
  const rest = cidr.bits & 3
  if (rest === 0) return true
  const mask = (0xf << (4 - rest)) & 0xf
  return (parseInt(ip.hex[full] ?? '0', 16) & mask) === (parseInt(cidr.hex[full] ?? '0', 16) & mask)
}

/**
 * `cidrContains` for a block given as text (parsed on every call: for one-off checks; compiled
 * code should `parseCidr` once). An invalid block comes back as a fault, never an exception.
 */
export function cidrMatches(ip: IpValue, cidr: string): boolean | ValueFault {
  const block = parseCidr(cidr)
  return 'fault' in block ? block : cidrContains(ip, block)
}
