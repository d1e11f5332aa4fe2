import { LESSONS, lessonByTitle, lessonDocument, type Lesson } from '../../../lessons'
import { usePlayground } from '../../use-playground'
import { CurrentDocument } from './CurrentDocument'
import { InlineCode } from './inline-code'
import { WriteLesson } from './WriteLesson'
import './lessons-panel.css'

/**
 * The panel's content, loaded on first open: the open document's check (when it states expected
 * outcomes or a task), the lessons, and "Write your own".
 */
export default function LessonsBody() {
  const title = usePlayground((s) => s.title)
  const hasAbout = usePlayground((s) => s.expectations.length > 0 || s.task !== '')
  const current = lessonByTitle(title)
  return (
    <div className="lessons">
      {hasAbout && <CurrentDocument lesson={current} />}
      <LessonList current={current} />
      <WriteLesson />
    </div>
  )
}

function LessonList({ current }: { current: Lesson | undefined }) {
  const openDocument = usePlayground((s) => s.openDocument)
  return (
    <section className="lesson-list" aria-labelledby="lesson-list-title">
      <h3 id="lesson-list-title">Lessons</h3>
      <p className="lesson-intro">
        Short tasks on the examples' rules. Each opens as a document with a starting query; the check passes when your
        query gives every expected outcome. What you were editing stays restorable.
      </p>
      <ol>
        {LESSONS.map((lesson) => (
          <li key={lesson.id} aria-current={lesson === current ? 'true' : undefined}>
            <button type="button" className="lesson-open" onClick={() => openDocument(lessonDocument(lesson))}>
              <InlineCode text={lesson.title.replace(/^Lesson: /, '')} />
            </button>
            <span className="lesson-language">{lesson.language.toUpperCase()}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
