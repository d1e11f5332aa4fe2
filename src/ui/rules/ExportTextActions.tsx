import { useEffect, useState } from 'react'
import type { ExportedText } from './rule-actions'

/** How long "Copied" stays before the button reads "Copy" again. */
const COPIED_MS = 1500

/**
 * Copy and Download for one exported text. Download makes a Blob, hands its object URL to an
 * `<a download>` and revokes it once the click has started the download.
 */
export function ExportTextActions({ exported }: { exported: ExportedText | null }) {
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const usable = exported !== null && exported.text !== ''

  // The "Copied" note goes away by itself (a timer is an effect, not part of render).
  useEffect(() => {
    if (copyState !== 'copied') return
    const timer = window.setTimeout(() => setCopyState('idle'), COPIED_MS)
    return () => window.clearTimeout(timer)
  }, [copyState])

  const copy = (): void => {
    if (!usable) return
    navigator.clipboard.writeText(exported.text).then(
      () => setCopyState('copied'),
      () => setCopyState('failed'),
    )
  }

  const download = (): void => {
    if (!usable) return
    const url = URL.createObjectURL(new Blob([exported.text], { type: exported.mimeType }))
    const a = document.createElement('a')
    a.href = url
    a.download = exported.fileName
    document.body.append(a)
    a.click()
    a.remove()
    // The click has handed the URL to the download; revoking on the next task frees the Blob.
    window.setTimeout(() => URL.revokeObjectURL(url), 0)
  }

  return (
    <div className="rule-dialog-actions">
      <button type="button" disabled={!usable} onClick={copy}>
        {copyState === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <button type="button" className="primary" disabled={!usable} onClick={download}>
        Download
      </button>
      {usable && <span className="hint">{exported.fileName}</span>}
      {copyState === 'failed' && (
        <span className="rule-problem" role="status">
          The browser refused the clipboard: select the text and copy it.
        </span>
      )}
    </div>
  )
}
