/**
 * Which URLs the rule panel turns into links. Rule metadata comes from imported files and shared
 * documents, so a `javascript:` or `data:` reference must never become a clickable link; anything
 * that is not an absolute http(s) URL (or, in the investigation guide, a mailto:) stays text.
 */

const WEB = new Set(['http:', 'https:'])
const WEB_AND_MAIL = new Set(['http:', 'https:', 'mailto:'])

/**
 * The URL to link to, normalised by the URL parser, or null when `raw` must stay text.
 * `mailto` also accepts mailto: links (the investigation guide's contacts).
 */
export function safeHref(raw: string, options: { mailto?: boolean } = {}): string | null {
  const text = raw.trim()
  // An absolute URL only: a relative one would resolve against the page itself.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) return null
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return null
  }
  const allowed = options.mailto === true ? WEB_AND_MAIL : WEB
  return allowed.has(url.protocol) ? url.href : null
}

/** The attributes every outside link of the panel carries: a new tab that cannot reach back. */
export const OUTSIDE_LINK = { target: '_blank', rel: 'noopener noreferrer' } as const
