import { EXAMPLES, type Example } from '../../examples'
import { exampleEventsSource, exampleToDocument } from '../../examples/to-document'
import { usePlayground } from '../use-playground'
import { TextWithCode } from './TextWithCode'

/** The first sentence of a rule description: one line in the menu (the rest is in the rule). */
export function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/s.exec(text.trim())
  return (m?.[1] ?? text).replace(/\s+/g, ' ')
}

/** The examples, each a button that opens it (the current one marked). Loaded with the menu. */
export default function ExamplesList() {
  const openDocument = usePlayground((s) => s.openDocument)
  const close = usePlayground((s) => s.closePanel)
  const source = usePlayground((s) => s.eventsSource)
  const choose = (example: Example): void => {
    openDocument(exampleToDocument(example))
    close()
  }
  return (
    <ul className="examples-list" aria-label="Examples library">
      {EXAMPLES.map((ex) => {
        return (
          <li key={ex.id}>
            {/* Named by all its visible text (title, language, severity, description), not the
                title alone: speech input users name a button by what they see (axe
                label-content-name-mismatch). */}
            <button
              type="button"
              className="example-item"
              aria-current={source === exampleEventsSource(ex) ? 'true' : undefined}
              data-example={ex.id}
              onClick={() => choose(ex)}
            >
              <span className="example-item-head">
                <span className="example-title">
                  <TextWithCode text={ex.title} />
                </span>
                <span className="example-meta">
                  <span className={`language-badge is-${ex.language}`}>{ex.language.toUpperCase()}</span>
                  <span className={`severity-badge is-${ex.rule.severity}`}>{ex.rule.severity}</span>
                </span>
              </span>
              <span className="example-description">
                {firstSentence(ex.rule.description)}
              </span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}
