/** Header buttons opening the quick reference and the lessons (issue 5): placeholder. */
export function LearnButtons() {
  return null
}
