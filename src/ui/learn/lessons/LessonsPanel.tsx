/** The lessons panel (issue 5): placeholder until the lessons helper lands it. */
export function LessonsPanel() {
  return <p>Lessons</p>
}
