import { describe, expect, it } from 'vitest'
import type { Outcome } from '../worker/client'
import { servicesFromClient, type EditorClient } from './services-from-client'

const ok = <T>(result: T): Promise<Outcome<T>> => Promise.resolve({ status: 'ok', result })

describe('servicesFromClient', () => {
  it('passes the text, cursor and settings through and returns the worker result', async () => {
    const seen: unknown[] = []
    const client: EditorClient = {
      complete: (body) => (seen.push(body), ok({ replace: { start: 0, end: 2 }, entries: [{ label: 'process', kind: 'category' }] })),
      hover: (body) => (seen.push(body), ok({ span: { start: 0, end: 7 }, contents: ['**process**'] })),
      format: (language, text) => (seen.push([language, text]), ok({ formatted: 'x', reason: null })),
    }
    const services = servicesFromClient(client, () => ({ eventCategoryField: 'event.kind' }))
    await expect(services.complete({ language: 'eql', text: 'pr', offset: 2 })).resolves.toEqual({
      replace: { start: 0, end: 2 },
      entries: [{ label: 'process', kind: 'category' }],
    })
    await expect(services.hover({ language: 'kql', text: 'a: 1', offset: 0 })).resolves.toEqual({ span: { start: 0, end: 7 }, contents: ['**process**'] })
    await expect(services.format({ language: 'eql', text: 'y' })).resolves.toEqual({ formatted: 'x', reason: null })
    expect(seen).toEqual([
      { language: 'eql', text: 'pr', offset: 2, settings: { eventCategoryField: 'event.kind' } },
      { language: 'kql', text: 'a: 1', offset: 0, settings: { eventCategoryField: 'event.kind' } },
      ['eql', 'y'],
    ])
  })

  it('offers nothing when the worker could not answer', async () => {
    const failed = <T>(): Promise<Outcome<T>> => Promise.resolve({ status: 'failed', failure: { code: 'worker-crashed', message: 'gone' } })
    const superseded = <T>(): Promise<Outcome<T>> => Promise.resolve({ status: 'superseded' })
    const services = servicesFromClient({ complete: failed, hover: superseded, format: failed })
    await expect(services.complete({ language: 'eql', text: '', offset: 0 })).resolves.toBeNull()
    await expect(services.hover({ language: 'eql', text: '', offset: 0 })).resolves.toBeNull()
    await expect(services.format({ language: 'eql', text: 'a' })).resolves.toEqual({ formatted: null, reason: null })
  })
})
