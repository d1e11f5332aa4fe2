import { usePlayground } from './use-playground'

/** The rule query box (a plain textarea until the Monaco editor arrives). */
export function QueryInput() {
  const query = usePlayground((s) => s.query)
  const editQuery = usePlayground((s) => s.editQuery)
  return (
    <section className="panel query-panel">
      <label htmlFor="rule-query">Rule query</label>
      <textarea
        id="rule-query"
        className="code"
        spellCheck={false}
        rows={6}
        value={query}
        placeholder='process where process.name == "defaults"'
        onChange={(e) => editQuery(e.target.value)}
      />
    </section>
  )
}
