import { describe, expect, it } from 'vitest'
import { chunksOf } from './client-stream'
import { loopbackClient } from './loopback-client'
import type { EventsProgress } from './protocol'

/** The client over a loopback worker running the real dispatcher (see loopback-client.ts). */
const setup = () => loopbackClient()

const line = (i: number, name: string) => JSON.stringify({ '@timestamp': new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), event: { category: 'process' }, process: { name } })
const fileOf = (names: readonly string[], extra = '') => new Blob([names.map((n, i) => line(i, n)).join('\n') + '\n' + extra])

describe('chunksOf', () => {
  it('regroups the stream into fixed-size fresh buffers, the last one shorter', async () => {
    const sizes: number[] = []
    const seen: ArrayBuffer[] = []
    for await (const c of chunksOf(new Blob(['abcdefghij', 'klm']), 4)) {
      sizes.push(c.byteLength)
      seen.push(c)
    }
    expect(sizes).toEqual([4, 4, 4, 1])
    expect(new Set(seen).size).toBe(4)
    expect(new TextDecoder().decode(new Uint8Array(seen[3] ?? new ArrayBuffer(0)))).toBe('m')
  })
})

describe('EngineClient.streamEvents', () => {
  it('streams a file in transferred chunks with progress, then runs use its events', async () => {
    const { client, workers } = setup()
    const file = fileOf(['cmd.exe', 'sh', 'cmd.exe'], 'oops\n')
    const progress: EventsProgress[] = []
    const loaded = await client.streamEvents(file, { name: 'f.ndjson', chunkBytes: 50, onProgress: (p) => progress.push(p) })
    expect(loaded).toMatchObject({ status: 'ok', result: { eventCount: 3, name: 'f.ndjson', problems: [{ line: 4 }] } })
    expect(progress.at(-1)).toMatchObject({ bytes: file.size, size: file.size })
    const w = workers[0]
    if (!w) throw new Error('no worker')
    const appends = w.sent.flatMap((r, i) => (r.kind === 'appendEvents' ? [w.transferred[i]] : []))
    expect(appends.length).toBe(Math.ceil(file.size / 50))
    expect(appends.every((n) => n === 1)).toBe(true)
    // progress once per chunk, in order, each chunk's own
    expect(progress.map((p) => p.bytes)).toEqual([0, ...Array.from({ length: appends.length }, (_, i) => Math.min(file.size, (i + 1) * 50))])
    const run = await client.run('process where process.name == "cmd.exe"')
    expect(run).toMatchObject({ status: 'ok', result: { matchedIndexes: [0, 2], eventCount: 3 } })
  })

  it('keeps the next chunk waiting in the worker while this one is read', async () => {
    const { client, workers } = setup()
    const appendsSentAtProgress: number[] = []
    const appendsSent = () => workers[0]?.sent.filter((r) => r.kind === 'appendEvents').length ?? 0
    await client.streamEvents(fileOf(['a', 'b', 'c', 'd']), { chunkBytes: 60, onProgress: (p) => p.bytes > 0 && appendsSentAtProgress.push(appendsSent()) })
    const total = appendsSent()
    expect(total).toBeGreaterThan(3)
    // chunk n's progress arrives once chunk n+1 is already sent (the last has none after it)
    expect(appendsSentAtProgress).toEqual(Array.from({ length: total }, (_, i) => Math.min(total, i + 2)))
  })

  it('cancel: the stream stops, the previous events stay current, every request got one reply', async () => {
    const { client, workers } = setup()
    expect(await client.setEvents(line(0, 'old'))).toMatchObject({ status: 'ok' })
    const controller = new AbortController()
    const outcome = client.streamEvents(fileOf(Array.from({ length: 200 }, () => 'new')), {
      chunkBytes: 64,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.bytes > 0) controller.abort()
      },
    })
    expect(await outcome).toMatchObject({ status: 'failed', failure: { code: 'cancelled' } })
    const w = workers[0]
    if (!w) throw new Error('no worker')
    // two chunks were in flight when the first progress came back
    expect(w.sent.map((r) => r.kind)).toEqual(['setEvents', 'beginEvents', 'appendEvents', 'appendEvents', 'cancelEvents'])
    expect(await client.run('process where true')).toMatchObject({ status: 'ok', result: { eventCount: 1 } })
    expect(w.sent.map((r) => w.replies.get(r.id))).toEqual([1, 1, 1, 1, 1, 1])
  })

  it('a newer event set stops a stream in progress', async () => {
    const { client } = setup()
    const stream = client.streamEvents(fileOf(Array.from({ length: 100 }, () => 'x')), { chunkBytes: 32 })
    const set = client.setEvents(line(0, 'pasted'))
    expect(await stream).toMatchObject({ status: 'failed', failure: { code: 'cancelled' } })
    expect(await set).toMatchObject({ status: 'ok', result: { eventCount: 1 } })
    expect(await client.run('process where process.name == "pasted"')).toMatchObject({ status: 'ok', result: { matchedIndexes: [0] } })
  })

  it('after a watchdog restart the fresh worker gets the file again before the next run', async () => {
    const { client, workers, timers } = setup()
    await client.streamEvents(fileOf(['a', 'b']), { chunkBytes: 40 })
    const slow = client.run('process where true')
    const [fire] = [...timers.active.values()]
    fire?.() // the watchdog: terminate and restart
    expect(await slow).toMatchObject({ status: 'failed', failure: { code: 'timeout' } })
    const next = await client.run('process where process.name == "b"')
    expect(next).toMatchObject({ status: 'ok', result: { matchedIndexes: [1], eventCount: 2 } })
    expect(workers[1]?.sent.map((r) => r.kind)).toEqual(['beginEvents', 'appendEvents', 'endEvents', 'run'])
  })
})

describe('EngineClient: events are sent once; other kinds', () => {
  it('the same text is not sent again, and query edits never send events', async () => {
    const { client, sentKinds } = setup()
    await client.setEvents(line(0, 'a'))
    await client.run('process where true')
    await client.setEvents(line(0, 'a'))
    await client.run('process where false')
    expect(sentKinds().filter((k) => k === 'setEvents')).toHaveLength(1)
  })

  it('event windows are never superseded; format and KQL runs go through', async () => {
    const { client } = setup()
    await client.setEvents([line(0, 'a'), line(1, 'b'), line(2, 'c')].join('\n'))
    const [w1, w2] = await Promise.all([client.getEvents(0, 1), client.getEvents(0, 3, [2])])
    expect(w1).toMatchObject({ status: 'ok', result: { items: [[0, expect.anything()]] } })
    expect(w2).toMatchObject({ status: 'ok', result: { items: [[2, expect.anything()]] } })
    expect(await client.format('kql', 'a:1   or b:2')).toEqual({ status: 'ok', result: { formatted: 'a:1 or b:2', reason: null } })
    expect(await client.run('process.name : b', {}, { language: 'kql' })).toMatchObject({ status: 'ok', result: { language: 'kql', matchedIndexes: [1] } })
  })
})
