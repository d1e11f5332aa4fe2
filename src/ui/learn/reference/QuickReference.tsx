import { Suspense, lazy } from 'react'

// The reference tables and their panel load when the panel first opens: they stay out of the
// initial chunk, which every visitor downloads whether or not they open the reference.
const ReferencePanel = lazy(() => import('./ReferencePanel'))

/**
 * The quick reference panel (issue 5): every EQL and KQL operator, function and syntax form with
 * its case and wildcard behaviour and an example, searchable, each insertable into the query.
 */
export function QuickReference() {
  return (
    <Suspense fallback={<p className="ref-loading">Loading the reference…</p>}>
      <ReferencePanel />
    </Suspense>
  )
}
