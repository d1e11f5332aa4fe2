import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStaticServer, type StaticServer } from './server'

const root = mkdtempSync(join(tmpdir(), 'rp-bench-server-'))
let server: StaticServer

beforeAll(async () => {
  mkdirSync(join(root, 'site', 'assets'), { recursive: true })
  writeFileSync(join(root, 'site', 'index.html'), '<!doctype html><title>x</title>')
  writeFileSync(join(root, 'site', 'assets', 'app-1.js'), 'export {}')
  writeFileSync(join(root, 'secret.txt'), 'outside the served folder')
  server = await startStaticServer(join(root, 'site'), 0)
})
afterAll(async () => {
  await server.close()
  rmSync(root, { recursive: true, force: true })
})

describe('the bench static server', () => {
  it('serves index.html at / with cross-origin isolation headers', async () => {
    const r = await fetch(server.origin + '/')
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin')
    expect(r.headers.get('cross-origin-embedder-policy')).toBe('require-corp')
  })

  it('serves scripts as JavaScript', async () => {
    const r = await fetch(server.origin + '/assets/app-1.js')
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await r.text()).toBe('export {}')
  })

  it('answers 404 for a missing file and for a path out of its folder', async () => {
    expect((await fetch(server.origin + '/assets/none.js')).status).toBe(404)
    // sent as written (fetch would normalise the dots away)
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(server.origin + '/', { path: '/../secret.txt' }, (res) => {
        res.resume()
        resolve(res.statusCode)
      })
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(404)
  })

  it('takes another port when its own is busy', async () => {
    const port = Number(new URL(server.origin).port)
    const second = await startStaticServer(join(root, 'site'), port)
    try {
      expect(second.origin).not.toBe(server.origin)
      expect((await fetch(second.origin + '/')).status).toBe(200)
    } finally {
      await second.close()
    }
  })
})
