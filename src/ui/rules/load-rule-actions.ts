/** The rule actions module, loaded once on first use (a dialog opening), then shared. */
let loading: Promise<typeof import('./rule-actions')> | null = null

/**
 * Loads src/ui/rules/rule-actions.ts through a dynamic `import()`. A failed load (the chunk could
 * not be fetched) is not cached, so opening the dialog again retries.
 */
export function loadRuleActions(): Promise<typeof import('./rule-actions')> {
  loading ??= import('./rule-actions').catch((error: unknown) => {
    loading = null
    throw error
  })
  return loading
}
