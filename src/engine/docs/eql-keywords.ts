/**
 * Reference for EQL's structural keywords and pipes, in our own words: hover on `sequence`, `by`,
 * `maxspan` and the rest, and the quick-reference panel.
 */

/** One keyword's reference entry. */
export interface KeywordDoc {
  readonly keyword: string
  readonly summary: string
  readonly example: string
}

export const EQL_KEYWORD_DOCS: readonly KeywordDoc[] = [
  { keyword: 'where', summary: 'Starts the condition an event of the category must meet.', example: 'process where process.name == "cmd.exe"' },
  { keyword: 'any', summary: 'Any event category: the condition alone decides.', example: 'any where host.id == "h1"' },
  {
    keyword: 'sequence',
    summary: 'Events matching the stages in this order (by `@timestamp`, then the tiebreaker), optionally sharing join keys (`by`) within a time window (`maxspan`).',
    example: 'sequence by host.id with maxspan=1m [process where true] [file where true]',
  },
  { keyword: 'sample', summary: 'Events matching each stage and sharing the join keys, in any order (no time window).', example: 'sample by host.id [process where true] [network where true]' },
  { keyword: 'by', summary: 'Join keys: after `sequence`/`sample` for every stage, after a stage for that stage only; stages join on equal values.', example: 'sequence by host.id [process where true] by process.pid [file where true] by process.pid' },
  { keyword: 'with', summary: 'Introduces `maxspan=` (after `sequence ... by`) or `runs=` (after a stage).', example: 'sequence with maxspan=30s [process where true] with runs=2' },
  { keyword: 'maxspan', summary: 'The longest time from the first to the last event of a sequence: a number and a unit (ms, s, m, h, d).', example: 'sequence with maxspan=5m [process where true] [file where true]' },
  { keyword: 'runs', summary: 'This stage repeats N times in a row (as if written N times).', example: 'sequence [process where true] with runs=3' },
  { keyword: 'until', summary: 'An event matching this stage ends the pending sequences with the same join keys.', example: 'sequence by host.id [process where true] [file where true] until [process where event.type == "end"]' },
  { keyword: 'head', summary: 'Pipe: keep the first N results.', example: 'process where true | head 5' },
  { keyword: 'tail', summary: 'Pipe: keep the last N results.', example: 'process where true | tail 5' },
  { keyword: 'null', summary: 'No value: `field == null` holds when the field is missing or null.', example: 'process where process.parent.name == null' },
]

/** The entry for a keyword, or undefined. */
export function keywordDoc(keyword: string): KeywordDoc | undefined {
  return EQL_KEYWORD_DOCS.find((d) => d.keyword === keyword)
}

/** Markdown for a keyword. */
export function keywordMarkdown(doc: KeywordDoc): string {
  return `**\`${doc.keyword}\`** — ${doc.summary}\n\nExample: \`${doc.example}\``
}
