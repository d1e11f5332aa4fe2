import { useId } from 'react'
import { withNote } from '../../../state/expectations-check'
import { usePlayground } from '../../use-playground'

/**
 * "Write your own": a teacher turns the open document into a lesson by giving it a title and a
 * task and marking events' expected outcomes (the select on each result row), with a note each.
 * The share link carries all of it, so the lesson is passed on by link.
 */
export function WriteLesson() {
  const title = usePlayground((s) => s.title)
  const task = usePlayground((s) => s.task)
  const expectations = usePlayground((s) => s.expectations)
  const editAbout = usePlayground((s) => s.editAbout)
  const setExpectations = usePlayground((s) => s.setExpectations)
  const id = useId()
  return (
    <section className="lesson-write" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Write your own</h3>
      <p className="lesson-intro">
        Mark what each event should give with the select on its row in the results, write the task, then share the
        document by link: the link carries the title, the task and the expected outcomes.
      </p>
      <label htmlFor={`${id}-name`}>Title</label>
      <input id={`${id}-name`} type="text" value={title} onChange={(e) => editAbout({ title: e.target.value })} />
      <label htmlFor={`${id}-task`}>Task</label>
      <textarea id={`${id}-task`} rows={4} value={task} onChange={(e) => editAbout({ task: e.target.value })} />
      {expectations.length > 0 && (
        <details className="lesson-notes">
          {/* Folded: a lesson's twenty notes would push everything else out of sight. */}
          <summary>Expected outcomes and their notes ({expectations.length})</summary>
          {expectations.map((e) => (
            <label key={e.eventIndex} className="lesson-note-row">
              <span>
                #{e.eventIndex} {e.expect === 'match' ? 'match' : 'no match'}
              </span>
              <input
                type="text"
                aria-label={`Note for event #${e.eventIndex}`}
                placeholder="why, in one line"
                value={e.note ?? ''}
                onChange={(ev) => setExpectations(withNote(expectations, e.eventIndex, ev.target.value))}
              />
            </label>
          ))}
          <button type="button" onClick={() => setExpectations([])}>
            Clear expected outcomes
          </button>
        </details>
      )}
    </section>
  )
}
