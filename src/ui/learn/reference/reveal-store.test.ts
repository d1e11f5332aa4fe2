import { describe, expect, it } from 'vitest'
import { useReferenceReveal } from './reveal-store'

describe('reference reveal requests', () => {
  it('keeps a request until the panel reports it revealed, and a stale report leaves a newer one', () => {
    const { reveal, done } = useReferenceReveal.getState()
    reveal('eql-fn-startsWith')
    const first = useReferenceReveal.getState().request
    expect(first?.id).toBe('eql-fn-startsWith')
    reveal('eql-fn-startsWith')
    const second = useReferenceReveal.getState().request
    expect(second?.seq).not.toBe(first?.seq)
    done(first?.seq ?? -1)
    expect(useReferenceReveal.getState().request).toEqual(second)
    done(second?.seq ?? -1)
    expect(useReferenceReveal.getState().request).toBeNull()
  })
})
