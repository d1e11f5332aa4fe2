import { useContext } from 'react'
import { PlaygroundContext, usePlayground } from '../use-playground'
import ExamplesList from './ExamplesList'
import { closeGuide, openGuide } from './guide-notes'

/** The open examples menu: the library, and the guide's notes to show again. */
export default function ExamplesMenuBody() {
  const guideOpen = usePlayground((s) => s.guideOpen)
  const store = useContext(PlaygroundContext)
  return (
    <>
      <ExamplesList />
      <div className="examples-menu-foot">
        <button
          type="button"
          aria-pressed={guideOpen}
          title="The short notes at the top of each pane"
          onClick={() => {
            if (store) (guideOpen ? closeGuide : openGuide)(store)
          }}
        >
          Guide
        </button>
        <span className="hint">Opening an example keeps your document: “Restore” brings it back.</span>
      </div>
    </>
  )
}
