import { usePlayground } from '../use-playground'
import { TextWithCode } from './TextWithCode'
import './examples.css'

/**
 * One compact line under the query pane's top: the open document's title and, unfolded, its task
 * (an example's guided note, a lesson's instructions), so an opened example says what it teaches.
 * Nothing for a document without either.
 */
export function DocumentAbout() {
  const title = usePlayground((s) => s.title)
  const task = usePlayground((s) => s.task)
  if (title.trim() === '' && task.trim() === '') return null
  const name = title.trim() === '' ? 'Task' : title
  if (task.trim() === '') {
    return (
      <p className="document-about" data-testid="document-about">
        <span className="document-about-title">
          <TextWithCode text={name} />
        </span>
      </p>
    )
  }
  return (
    // Keyed by the text, so a newly opened document starts folded again.
    <details key={`${title}\n${task}`} className="document-about" data-testid="document-about">
      <summary>
        <span className="document-about-title">
          <TextWithCode text={name} />
        </span>
        <span className="document-about-teaser">
          {' — '}
          <TextWithCode text={task} />
        </span>
      </summary>
      <p className="document-about-task" data-testid="document-task">
        <TextWithCode text={task} />
      </p>
    </details>
  )
}
