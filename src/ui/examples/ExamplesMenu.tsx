/** The examples menu (issue 5): placeholder until the examples helper lands it. */
export function ExamplesMenu() {
  return null
}
