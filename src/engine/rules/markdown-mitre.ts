import type { ThreatEntry } from './rule-document'

type Item = { id: string; name: string; reference: string }
type Technique = NonNullable<ThreatEntry['technique']>[number]

/**
 * Reads the MITRE section of a rule documentation page: after `Framework: MITRE ATT&CK`, bullet
 * groups `Tactic:`, `Technique:`, `Sub-technique:`, each with `Name:`, `ID:` and `Reference URL:`
 * lines (the URL may be a Markdown link). A technique belongs to the tactic above it, a
 * sub-technique to the technique above it.
 */
export function parseMitreSection(lines: readonly string[]): ThreatEntry[] {
  const start = lines.findIndex((l) => /^\W*Framework\W*:/.test(l))
  if (start < 0) return []
  const framework = (lines[start] ?? '').replace(/^\W*Framework\W*:\s*/, '').replace(/TM\s*$/, '').trim() || 'MITRE ATT&CK'
  const entries: ThreatEntry[] = []
  let current: Item | null = null
  let lastTechnique: Technique | null = null
  for (const raw of lines.slice(start + 1)) {
    const line = raw.replace(/^\s*[*•-]\s*/, '').trim()
    if (/^Tactic\s*:?$/i.test(line)) {
      const entry: ThreatEntry = { framework, tactic: { id: '', name: '', reference: '' } }
      entries.push(entry)
      current = entry.tactic
      lastTechnique = null
    } else if (/^Technique\s*:?$/i.test(line)) {
      const owner = entries[entries.length - 1]
      if (owner === undefined) continue
      lastTechnique = { id: '', name: '', reference: '' }
      ;(owner.technique ??= []).push(lastTechnique)
      current = lastTechnique
    } else if (/^Sub-technique\s*:?$/i.test(line)) {
      if (lastTechnique === null) continue
      const sub: Item = { id: '', name: '', reference: '' }
      ;(lastTechnique.subtechnique ??= []).push(sub)
      current = sub
    } else if (current !== null) {
      const m = /^(Name|ID|Reference URL)\s*:\s*(.*)$/i.exec(line)
      if (m === null) continue
      const key = (m[1] ?? '').toLowerCase()
      const value = linkTarget(m[2] ?? '')
      if (key === 'name') current.name = value
      else if (key === 'id') current.id = value
      else current.reference = value
    }
  }
  return entries.map(prune)
}

/** `[text](url)` -> url; anything else trimmed. */
export function linkTarget(text: string): string {
  const m = /^\[([^\]]*)\]\(([^)]*)\)/.exec(text.trim())
  return m === null ? text.trim() : (m[2] ?? m[1] ?? '').trim()
}

/** A heading left with no Name/ID (an empty "Sub-technique:" group) is dropped. */
function prune(entry: ThreatEntry): ThreatEntry {
  const technique = entry.technique
    ?.map((t) => {
      const subs = t.subtechnique?.filter((s) => s.id !== '' || s.name !== '')
      const copy: Technique = { id: t.id, name: t.name, reference: t.reference }
      if (subs !== undefined && subs.length > 0) copy.subtechnique = subs
      return copy
    })
    .filter((t) => t.id !== '' || t.name !== '')
  const out: ThreatEntry = { framework: entry.framework, tactic: entry.tactic }
  if (technique !== undefined && technique.length > 0) out.technique = technique
  return out
}
