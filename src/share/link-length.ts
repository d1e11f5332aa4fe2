/**
 * How a link's length compares with the limits it will meet: chat apps cut or refuse messages
 * around 2,000 characters, issue trackers' comment and URL handling around 8,000.
 */

/** A place a link is pasted into, and the longest link it takes whole. */
export interface LinkLimit {
  readonly name: string
  readonly limit: number
}

/** The limits the share dialog shows, shortest first. */
export const LINK_LIMITS: readonly LinkLimit[] = [
  { name: 'chat messages', limit: 2_000 },
  { name: 'issue trackers', limit: 8_000 },
]

/** A link's length and how it fares against each of LINK_LIMITS. */
export interface LinkLength {
  /** characters of the whole link: the page's address plus the fragment */
  readonly length: number
  /** each limit, and whether the link fits in it */
  readonly limits: readonly (LinkLimit & { readonly fits: boolean })[]
  readonly fitsChat: boolean
  readonly fitsIssueTracker: boolean
}

/**
 * The length of the link made of `fragment` (with its `#`) on the page at `pageUrl` (without a
 * fragment; omit it to measure the fragment alone), against LINK_LIMITS.
 */
export function linkLength(fragment: string, pageUrl = ''): LinkLength {
  const length = pageUrl.length + fragment.length
  const limits = LINK_LIMITS.map((l) => ({ ...l, fits: length <= l.limit }))
  return { length, limits, fitsChat: length <= 2_000, fitsIssueTracker: length <= 8_000 }
}
