import ipaddr from 'ipaddr.js'
import type { IpValue } from '../../values/indexed-types'
import { p, type FunctionDef, type Scalar } from './function-def'

/** A CIDR block in the 128-bit address space (IPv4 blocks as IPv4-mapped, like Lucene's points). */
interface Block {
  readonly hex: string
  readonly bits: number
}

/**
 * `cidrMatch(ip, block, ...)`: whether the address lies in any block. The blocks must be string
 * constants (Elasticsearch builds a terms query from them), so they are parsed once at bind time and
 * a malformed one is a check error. A null address or null block gives null.
 */
export const cidrMatch: FunctionDef = {
  name: 'cidrmatch',
  display: 'cidrMatch',
  minArgs: 2,
  maxArgs: Infinity,
  arityReason: 'expects at least two arguments',
  caseInsensitive: false,
  param: (i) => (i === 0 ? p('ip') : p('string', true)),
  resultType: () => 'boolean',
  bind: ({ constants }) => {
    const blocks: Block[] = []
    let hasNull = false
    for (let i = 1; i < constants.length; i++) {
      const c = constants[i]
      if (c === null) {
        hasNull = true
        continue
      }
      const block = typeof c === 'string' ? parseBlock(c) : undefined
      if (block === undefined) return { ok: false, argIndex: i, reason: `[${String(c)}] is not a valid CIDR block` }
      blocks.push(block)
    }
    return {
      ok: true,
      impl: (args) => {
        if (hasNull) return null
        const hex = addressHex(args[0] ?? null)
        if (hex === undefined) return null
        for (const b of blocks) if (inBlock(hex, b)) return true
        return false
      },
    }
  },
}

function toHex(bytes: readonly number[]): string {
  let out = ''
  for (const b of bytes) out += b.toString(16).padStart(2, '0')
  return out
}

function parsedHex(addr: ipaddr.IPv4 | ipaddr.IPv6): string {
  return toHex(addr.kind() === 'ipv4' ? (addr as ipaddr.IPv4).toIPv4MappedAddress().toByteArray() : addr.toByteArray())
}

export function parseBlock(text: string): Block | undefined {
  try {
    if (!text.includes('/')) {
      const addr = ipaddr.parse(text)
      return { hex: parsedHex(addr), bits: 128 }
    }
    const [addr, prefix] = ipaddr.parseCIDR(text)
    return { hex: parsedHex(addr), bits: addr.kind() === 'ipv4' ? prefix + 96 : prefix }
  } catch {
    return undefined
  }
}

function addressHex(v: Scalar): string | undefined {
  if (v === null) return undefined
  if (typeof v === 'object' && v.kind === 'ip') return (v as IpValue).hex
  if (typeof v !== 'string') return undefined
  try {
    return parsedHex(ipaddr.parse(v))
  } catch {
    return undefined
  }
}

function inBlock(hex: string, b: Block): boolean {
  const nibbles = b.bits >> 2
  if (hex.slice(0, nibbles) !== b.hex.slice(0, nibbles)) return false
  const rest = b.bits & 3
  if (rest === 0) return true
  const mask = (0xf << (4 - rest)) & 0xf
  return (Number.parseInt(hex[nibbles] ?? '0', 16) & mask) === (Number.parseInt(b.hex[nibbles] ?? '0', 16) & mask)
}
