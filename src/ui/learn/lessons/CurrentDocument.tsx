import { useState } from 'react'
import { lessonDocument, nextLesson, type Lesson } from '../../../lessons'
import { checkSummary, describeOutcome } from '../../../state/expectations-check'
import { usePlayground } from '../../use-playground'
import { InlineCode } from './inline-code'
import { useExpectationsCheck } from './use-expectations-check'

/**
 * The open document as a task: its title and instructions, the live check with each broken
 * outcome (a click selects its event), and for a lesson the hint, a solution and the next lesson.
 */
export function CurrentDocument({ lesson }: { lesson: Lesson | undefined }) {
  const title = usePlayground((s) => s.title)
  const task = usePlayground((s) => s.task)
  const status = usePlayground((s) => s.status)
  // reveal: the virtualized list scrolls to rows it does not hold yet
  const revealEvent = usePlayground((s) => s.revealEvent)
  const check = useExpectationsCheck()
  const broken = check.items.filter((i) => i.outcome !== 'held')
  return (
    <section className="lesson-current" aria-label={lesson ? 'Current lesson' : 'This document'}>
      <h3>{title ? <InlineCode text={title} /> : 'This document'}</h3>
      {task && <p className="lesson-task"><InlineCode text={task} /></p>}
      {check.status !== 'none' && (
        <p className={`lesson-verdict is-${check.status}`} data-testid="lesson-panel-check" data-check={check.status}>
          {status === 'error' ? 'The check waits for a query that runs without errors.' : checkSummary(check)}
        </p>
      )}
      {broken.length > 0 && (
        <ul className="lesson-broken" aria-label="Outcomes not as expected">
          {broken.map((item) => (
            <li key={item.expectation.eventIndex}>
              <button type="button" onClick={() => revealEvent(item.expectation.eventIndex)}>
                {describeOutcome(item)}
              </button>
              {item.expectation.note && <span className="lesson-note"> — <InlineCode text={item.expectation.note} /></span>}
            </li>
          ))}
        </ul>
      )}
      {/* Keyed: the hint and solution close again when another lesson opens. */}
      {lesson && <LessonHelp key={lesson.id} lesson={lesson} passed={check.status === 'pass'} />}
    </section>
  )
}

function LessonHelp({ lesson, passed }: { lesson: Lesson; passed: boolean }) {
  const [hint, setHint] = useState(false)
  const [solution, setSolution] = useState(false)
  const openDocument = usePlayground((s) => s.openDocument)
  const next = nextLesson(lesson.id)
  return (
    <div className="lesson-help">
      <div className="lesson-actions">
        <button type="button" aria-expanded={hint} onClick={() => setHint(!hint)}>
          Hint
        </button>
        <button type="button" aria-expanded={solution} onClick={() => setSolution(!solution)}>
          Show a solution
        </button>
        <button type="button" onClick={() => openDocument(lessonDocument(lesson))} title="Open this lesson again with its starting query">
          Start over
        </button>
        {next && (
          <button type="button" className={passed ? 'is-primary' : undefined} onClick={() => openDocument(lessonDocument(next))}>
            Next lesson
          </button>
        )}
      </div>
      {hint && <p className="lesson-hint"><InlineCode text={lesson.hint} /></p>}
      {solution && (
        <div className="lesson-solution">
          <p>One query that passes (yours may differ):</p>
          <pre aria-label="Solution">{lesson.solution.trim()}</pre>
        </div>
      )}
      {passed && !next && <p className="lesson-done">That was the last lesson. Well done.</p>}
    </div>
  )
}
