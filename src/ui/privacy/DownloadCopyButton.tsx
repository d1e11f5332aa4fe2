import { useContext, useState } from 'react'
import { PlaygroundContext } from '../use-playground'
import './privacy.css'

/**
 * "Download a copy": the whole document as a file the user keeps, and can open again from
 * Privacy & storage (Open a copy). Offered where work is at risk (the autosave banner) and before
 * clearing. What the copy leaves out (a streamed file too large for it) is said beside it.
 */
export function DownloadCopyButton({ className }: { className?: string }) {
  const store = useContext(PlaygroundContext)
  const [note, setNote] = useState<string | null>(null)
  const download = async (): Promise<void> => {
    if (!store) return
    try {
      // Loaded on first use: the banner is part of the first paint, the copy code need not be.
      const { documentCopyOf } = await import('../../state/document-copy')
      const copy = await documentCopyOf(store.getState())
      downloadText(copy.fileName, copy.text)
      setNote(copy.leftOut)
    } catch (e) {
      setNote(`The copy could not be made (${e instanceof Error ? e.message : String(e)}).`)
    }
  }
  return (
    <>
      <button type="button" className={className} onClick={() => void download()}>
        Download a copy
      </button>
      {note && (
        <span className="privacy-note" role="status">
          {note}
        </span>
      )}
    </>
  )
}

/**
 * Saves a text as a file through the browser's download: a Blob's object URL handed to an
 * `<a download>`, revoked once the click has started the download. Nothing leaves the machine.
 */
function downloadText(fileName: string, text: string, mimeType = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  window.setTimeout(() => URL.revokeObjectURL(url), 0)
}
