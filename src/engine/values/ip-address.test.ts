import { describe, expect, it } from 'vitest'
import { cidrContains, cidrMatches, compareIp, parseCidr, parseIp, type Cidr } from './ip-address'
import { isFault } from './indexed-types'

function cidr(text: string): Cidr {
  const c = parseCidr(text)
  if (isFault(c)) throw new Error(c.fault)
  return c
}
function ip(text: string) {
  const v = parseIp(text)
  if (v === undefined) throw new Error(`not an ip: ${text}`)
  return v
}

describe('parseIp', () => {
  it('reads IPv4 strictly', () => {
    expect(parseIp('10.0.0.1')?.text).toBe('10.0.0.1')
    expect(parseIp('255.255.255.255')?.hex).toBe('00000000000000000000ffffffffffff')
    for (const bad of ['10.0.0', '10.0.0.256', '010.0.0.1', '0x0a.0.0.1', '10.1', ' 10.0.0.1', '1.2.3.4/8']) {
      expect(parseIp(bad)).toBeUndefined()
    }
  })

  it('reads IPv6 and normalises it (RFC 5952)', () => {
    expect(parseIp('2001:DB8:0:0:0:0:0:1')?.text).toBe('2001:db8::1')
    expect(parseIp('::1')?.text).toBe('::1')
    expect(parseIp('::')?.text).toBe('::')
    expect(parseIp('fe80::1%eth0')).toBeUndefined()
    expect(parseIp('1::2::3')).toBeUndefined()
    expect(parseIp('gggg::1')).toBeUndefined()
  })

  it('treats IPv4-mapped IPv6 as the IPv4 address', () => {
    expect(parseIp('::ffff:10.0.0.1')?.text).toBe('10.0.0.1')
    expect(parseIp('::ffff:a00:1')?.hex).toBe(ip('10.0.0.1').hex)
  })

  it('rejects non-strings', () => {
    expect(parseIp(167772161)).toBeUndefined()
    expect(parseIp(null)).toBeUndefined()
  })

  it('orders by address', () => {
    expect(compareIp(ip('10.0.0.2'), ip('10.0.0.10'))).toBeLessThan(0)
    expect(compareIp(ip('9.255.255.255'), ip('10.0.0.0'))).toBeLessThan(0)
    expect(compareIp(ip('255.255.255.255'), ip('2001:db8::'))).toBeLessThan(0)
    expect(compareIp(ip('::1'), ip('0.0.0.0'))).toBeLessThan(0)
    expect(compareIp(ip('::ffff:1.2.3.4'), ip('1.2.3.4'))).toBe(0)
  })
})

describe('CIDR', () => {
  it('matches IPv4 blocks, including host bits set and non-nibble prefixes', () => {
    expect(cidrContains(ip('10.6.48.157'), cidr('10.0.0.0/8'))).toBe(true)
    expect(cidrContains(ip('11.0.0.1'), cidr('10.0.0.0/8'))).toBe(false)
    expect(cidrContains(ip('10.6.48.157'), cidr('10.6.48.157/8'))).toBe(true)
    expect(cidrContains(ip('192.168.1.130'), cidr('192.168.1.128/25'))).toBe(true)
    expect(cidrContains(ip('192.168.1.127'), cidr('192.168.1.128/25'))).toBe(false)
    expect(cidrContains(ip('172.31.255.255'), cidr('172.16.0.0/12'))).toBe(true)
    expect(cidrContains(ip('172.32.0.0'), cidr('172.16.0.0/12'))).toBe(false)
    expect(cidrContains(ip('1.2.3.4'), cidr('0.0.0.0/0'))).toBe(true)
    expect(cidrContains(ip('::1'), cidr('0.0.0.0/0'))).toBe(false) // IPv4 space only
    expect(cidrContains(ip('1.2.3.4'), cidr('1.2.3.4'))).toBe(true)
    expect(cidrContains(ip('1.2.3.5'), cidr('1.2.3.4/32'))).toBe(false)
  })

  it('matches IPv6 blocks and IPv4 inside ::ffff:0:0/96', () => {
    expect(cidrContains(ip('2001:db8::5'), cidr('2001:db8::/32'))).toBe(true)
    expect(cidrContains(ip('2001:db9::5'), cidr('2001:db8::/32'))).toBe(false)
    expect(cidrContains(ip('fe80::1'), cidr('fe80::/10'))).toBe(true)
    expect(cidrContains(ip('fec0::1'), cidr('fe80::/10'))).toBe(false)
    expect(cidrContains(ip('8.8.8.8'), cidr('::ffff:0:0/96'))).toBe(true)
    expect(cidrContains(ip('::ffff:10.1.1.1'), cidr('10.0.0.0/8'))).toBe(true)
  })

  it('cidrMatches takes the block as text', () => {
    expect(cidrMatches(ip('10.1.2.3'), '10.0.0.0/8')).toBe(true)
    expect(cidrMatches(ip('10.1.2.3'), '2001:db8::/32')).toBe(false)
    expect(isFault(cidrMatches(ip('10.1.2.3'), '10.0.0.0/99'))).toBe(true)
  })

  it('reports invalid blocks as faults', () => {
    expect(isFault(parseCidr('10.0.0.0/33'))).toBe(true)
    expect(isFault(parseCidr('10.0.0.0/'))).toBe(true)
    expect(isFault(parseCidr('10.0.0.0/-1'))).toBe(true)
    expect(isFault(parseCidr('2001:db8::/129'))).toBe(true)
    expect(isFault(parseCidr('nope/8'))).toBe(true)
    expect(isFault(parseCidr(''))).toBe(true)
  })
})
