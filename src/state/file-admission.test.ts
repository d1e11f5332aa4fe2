import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { MAX_EVENTS_FILE_BYTES, SNIFF_BYTES, formatBytes, refuseEventsFiles, refuseRuleFile, sniffNotText, type NamedBlob } from './file-admission'

const bytes = (...b: number[]) => new Uint8Array(b)
const utf8 = (s: string) => new TextEncoder().encode(s)

/**
 * A "file" of `size` bytes whose content is `head` then line breaks, made of lazy parts, plus a record
 * of every byte range read: a 1 GB file must cost only its first KBs.
 */
function fakeFile(name: string, size: number, head: Uint8Array = new Uint8Array(0)): NamedBlob & { reads: [number, number][] } {
  const reads: [number, number][] = []
  return {
    name,
    size,
    reads,
    slice(start = 0, end = size) {
      const to = Math.min(end, size)
      reads.push([start, to])
      const out = new Uint8Array(Math.max(0, to - start)).fill(0x0a)
      if (start < head.length) out.set(head.subarray(start, Math.min(to, head.length)))
      return new Blob([out])
    },
  }
}

describe('sniffNotText', () => {
  it.each([
    ['NDJSON', utf8('{"a":1}\n{"b":"Zoë 🦊"}\n')],
    ['a JSON array with a UTF-8 byte-order mark', bytes(0xef, 0xbb, 0xbf, ...utf8('[{"a":1}]'))],
    ['an escaped NUL (JSON text may say \\u0000)', utf8('{"a":"\\u0000"}')],
    ['a character cut by the end of the sniffed bytes', utf8('{"a":"日').subarray(0, 8)],
    ['an empty file', bytes()],
  ])('lets %s through', (_, head) => {
    expect(sniffNotText(head)).toBeNull()
  })

  it('names gzip, zip and the other archives with the tool that opens them', () => {
    expect(sniffNotText(new Uint8Array(gzipSync(utf8('{"a":1}\n'))))).toEqual({ kind: 'compressed', format: 'gzip', tool: 'gunzip' })
    expect(sniffNotText(bytes(0x50, 0x4b, 0x03, 0x04, 20, 0))).toMatchObject({ format: 'zip' })
    expect(sniffNotText(bytes(0x28, 0xb5, 0x2f, 0xfd, 1))).toMatchObject({ format: 'zstd' })
    expect(sniffNotText(utf8('BZh91AY&SY'))).toMatchObject({ format: 'bzip2' })
  })

  it('names images and documents', () => {
    expect(sniffNotText(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13))).toEqual({ kind: 'document', format: 'PNG image' })
    expect(sniffNotText(utf8('%PDF-1.7\n'))).toMatchObject({ format: 'PDF document' })
    expect(sniffNotText(utf8('ElfFile\0'))).toMatchObject({ format: 'Windows event log (EVTX)' })
  })

  it('tells UTF-16 by its byte-order mark, and without one by its NULs', () => {
    expect(sniffNotText(bytes(0xff, 0xfe, 0x7b, 0))).toEqual({ kind: 'utf16' })
    expect(sniffNotText(bytes(0xfe, 0xff, 0, 0x7b))).toEqual({ kind: 'utf16' })
    expect(sniffNotText(bytes(0x7b, 0, 0x22, 0))).toEqual({ kind: 'binary', offset: 1, why: 'nul' })
  })

  it('finds the first byte that is not UTF-8 (a Latin-1 export, random bytes)', () => {
    // near the bad byte: decoders differ on whether a lead byte or its follower is "the" error
    const latin1 = sniffNotText(bytes(...utf8('{"user":"Jos'), 0xe9, ...utf8('"}')))
    expect(latin1).toMatchObject({ kind: 'binary', why: 'utf8' })
    expect(latin1?.kind === 'binary' ? latin1.offset : -1).toBeGreaterThanOrEqual(12)
    expect(latin1?.kind === 'binary' ? latin1.offset : -1).toBeLessThanOrEqual(14)
    expect(sniffNotText(bytes(0x80, 0x28))).toEqual({ kind: 'binary', offset: 0, why: 'utf8' })
  })
})

describe('refuseEventsFiles', () => {
  it('refuses a 1 GB file by its size alone, reading none of it, naming the size, the limit and what to do', async () => {
    const big = fakeFile('day.ndjson', 1 << 30)
    const message = await refuseEventsFiles([big])
    expect(message).toMatch(/^day\.ndjson is 1\.07 GB; the playground loads up to 500\.0 MB/)
    expect(message).toContain('Split the file')
    expect(message).toContain('Your current events are kept.')
    expect(big.reads).toEqual([])
  })

  it('counts the files of one drop together', async () => {
    const half = MAX_EVENTS_FILE_BYTES / 2
    const files = [fakeFile('a.ndjson', half, utf8('{}')), fakeFile('b.ndjson', half + 1, utf8('{}'))]
    expect(await refuseEventsFiles(files)).toMatch(/^2 files together is 500\.0 MB/)
    expect(await refuseEventsFiles(files.slice(0, 1))).toBeNull()
  })

  it('reads only the first KBs of a large text file and lets it through', async () => {
    const file = fakeFile('big.ndjson', 400_000_000, utf8('{"a":1}\n'.repeat(1000)))
    expect(await refuseEventsFiles([file])).toBeNull()
    expect(file.reads).toEqual([[0, SNIFF_BYTES]])
  })

  it('refuses a gzip of NDJSON with "decompress it first"', async () => {
    const gz = new File([gzipSync(utf8('{"a":1}\n'.repeat(100)))], 'events.ndjson.gz')
    expect(await refuseEventsFiles([gz])).toBe(
      'events.ndjson.gz looks like a gzip file: decompress it first (e.g. gunzip), then load the file inside. Your current events are kept.',
    )
  })

  it('names the binary file among several text ones', async () => {
    const files = [new File(['{"a":1}'], 'ok.json'), new File([bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)], 'shot.png')]
    expect(await refuseEventsFiles(files)).toMatch(/^shot\.png looks like a PNG image, not a text file\./)
  })

  it('refuses NUL bytes and invalid UTF-8 with the offset', async () => {
    expect(await refuseEventsFiles([new File([bytes(0x7b, 0x7d, 0x0a, 0)], 'x.bin')])).toMatch(/^x\.bin is not text \(a NUL byte at byte 3\)/)
    expect(await refuseEventsFiles([new File([bytes(0x7b, 0xff, 0x7d)], 'latin1.json')])).toMatch(/^latin1\.json is not UTF-8 text \(invalid near byte 1\)/)
  })

  it('says a file that cannot be read could not be read (moved since it was picked)', async () => {
    const gone: NamedBlob = { name: 'gone.ndjson', size: 10, slice: () => ({ arrayBuffer: () => Promise.reject(new DOMException('gone', 'NotReadableError')) }) as unknown as Blob }
    expect(await refuseEventsFiles([gone])).toBe('gone.ndjson could not be read. Your current events are kept.')
  })

  it('takes its limits as options', async () => {
    expect(await refuseEventsFiles([fakeFile('f', 11, utf8('{}'))], { maxBytes: 10 })).toMatch(/^f is 11 B; the playground loads up to 10 B/)
  })
})

describe('refuseRuleFile', () => {
  it('refuses a rule file over 20 MB unread, and a binary one, saying nothing was imported', async () => {
    const huge = fakeFile('rules.ndjson', 1 << 30)
    expect(await refuseRuleFile(huge)).toBe('rules.ndjson is 1.07 GB; a rule file is read up to 20.0 MB. Export only the rules you need. Nothing was imported.')
    expect(huge.reads).toEqual([])
    expect(await refuseRuleFile(new File([gzipSync(utf8('[rule]'))], 'rule.toml.gz'))).toMatch(/^rule\.toml\.gz looks like a gzip file.*Nothing was imported\.$/)
    expect(await refuseRuleFile(new File(['[rule]\nname = "x"\n'], 'rule.toml'))).toBeNull()
  })
})

describe('formatBytes', () => {
  it('uses decimal units', () => {
    expect([999, 1500, 2_500_000, 1 << 30].map(formatBytes)).toEqual(['999 B', '1.5 kB', '2.5 MB', '1.07 GB'])
  })
})
