/**
 * Run time budgets, shared by the worker (which stops a run itself when its budget is spent) and
 * the client (whose watchdog stops a worker that did not).
 */

/** "3 s", "250 ms": budgets as a person would say them. */
export function formatBudget(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`
}

/**
 * The client's hard watchdog: the worker stops a run at its budget by itself, keeping its events;
 * killing the worker (and re-sending a 100 MB file) is for runs that do not come back at all.
 */
export function watchdogMs(budgetMs: number): number {
  return budgetMs + Math.max(1000, budgetMs)
}

/** The message of a run stopped at its budget, by either side. */
export function overBudgetMessage(budgetMs: number, restarted: boolean): string {
  const next = restarted ? 'The engine was restarted; edit the query or the events to try again.' : 'Edit the query or raise the time limit to try again.'
  return `The query ran longer than ${formatBudget(budgetMs)} and was stopped. ${next}`
}
