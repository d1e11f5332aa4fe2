import { AxeBuilder } from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import type { Result } from 'axe-core'

/**
 * The automated accessibility check (issue 9): axe-core over the page as it is now, failing on any
 * violation whose impact is serious or critical. Moderate and minor findings are reported by axe
 * but do not fail a journey: the issue's bar is "no serious or critical violations", and the
 * lower impacts include advisory best practices whose fix is a design choice.
 *
 * Rules: WCAG 2.0 and 2.1, levels A and AA, plus axe's best practices (landmarks, heading order,
 * unique ids for ARIA, nested interactive controls...), which catch real problems here at little
 * noise. Monaco's own DOM is checked too: its textarea is the editor's accessible control.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] as const

/** The impacts that fail a check. */
export const FAILING_IMPACTS: ReadonlySet<string> = new Set(['serious', 'critical'])

/**
 * Narrow exclusions, each for something we do not render and cannot fix at its cause (none today:
 * Monaco's one finding, its dimmed line number, is fixed in src/editor/editor.css). Add a selector
 * here only with the reason beside it.
 */
export const AXE_EXCLUDE: readonly string[] = []

/** One line per failing rule: id, impact, help text and the first few targets. */
export function describeViolations(violations: readonly Result[]): string[] {
  return violations
    .filter((v) => FAILING_IMPACTS.has(v.impact ?? ''))
    .map((v) => {
      const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' '))
      const more = v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : ''
      const why = v.nodes[0]?.failureSummary?.split('\n').slice(1, 2).join('').trim()
      return `${v.id} [${v.impact}] ${v.help}: ${targets.join(' | ')}${more}${why ? ` — ${why}` : ''}`
    })
}

/**
 * Runs axe over the page; `state` names what the page shows, for the failure message. A step of
 * its own, so the report shows what the checks cost (docs/accessibility.md).
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  await test.step(
    `axe: ${state}`,
    async () => {
      // Legacy mode runs axe in the page itself; the default finishes every run in a new blank
      // page, which made each check 2-3 times slower (about 1 s instead of 3 s on a full page
      // here) for what it buys: cross-origin iframes, which the app has none of. It is clean under
      // the built app's CSP too (no eval: no console error).
      let builder = new AxeBuilder({ page }).withTags([...AXE_TAGS]).setLegacyMode(true)
      for (const selector of AXE_EXCLUDE) builder = builder.exclude(selector)
      const { violations } = await builder.analyze()
      expect(describeViolations(violations), `axe: serious or critical violations in state "${state}"`).toEqual([])
    },
    { box: true },
  )
}
