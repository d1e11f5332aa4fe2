/** The quick reference panel (issue 5): placeholder until the reference helper lands it. */
export function QuickReference() {
  return <p>Quick reference</p>
}
