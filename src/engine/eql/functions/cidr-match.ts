import { isFault, type IpValue } from '../../values/indexed-types'
import { cidrContains, parseCidr, parseIp, type Cidr } from '../../values/ip-address'
import { p, type FunctionDef, type Scalar } from './function-def'

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
    const blocks: Cidr[] = []
    let hasNull = false
    for (let i = 1; i < constants.length; i++) {
      const c = constants[i]
      if (c === null) {
        hasNull = true
        continue
      }
      if (typeof c !== 'string') return { ok: false, argIndex: i, reason: `[${String(c)}] is not a CIDR block` }
      const block = parseCidr(c)
      if (isFault(block)) return { ok: false, argIndex: i, reason: block.fault }
      blocks.push(block)
    }
    return {
      ok: true,
      impl: (args) => {
        if (hasNull) return null
        const ip = addressOf(args[0] ?? null)
        if (ip === undefined) return null
        for (const b of blocks) if (cidrContains(ip, b)) return true
        return false
      },
    }
  },
}

function addressOf(v: Scalar): IpValue | undefined {
  if (v === null) return undefined
  if (typeof v === 'object' && v.kind === 'ip') return v
  return parseIp(v)
}
