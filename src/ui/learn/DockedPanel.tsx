/** The panel docked beside the workspace: quick reference or lessons (issue 5): placeholder. */
export function DockedPanel() {
  return null
}
