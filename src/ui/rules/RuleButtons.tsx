/** Header buttons importing and exporting rules (issue 5): placeholder. */
export function RuleButtons() {
  return null
}
