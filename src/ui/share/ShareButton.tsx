import { lazy, Suspense } from 'react'
import { usePopover } from '../use-popover'
import { useShareStatus } from './share-status'
import './share.css'

// Loaded when first opened: the page's first load carries only the button.
const ShareDialog = lazy(() => import('./ShareDialog').then((m) => ({ default: m.ShareDialog })))

/**
 * The Share button, its dialog (a popover under it, closed by Escape or a click outside, like the
 * rule settings) and the brief note Ctrl/Cmd+S leaves after copying the link.
 */
export function ShareButton() {
  const { open, toggle, root } = usePopover('share')
  const status = useShareStatus()

  return (
    <div className="share-anchor" ref={root}>
      <span className="share-status" role="status">
        {status}
      </span>
      <button type="button" aria-expanded={open} aria-controls="share-dialog" title="Share this document by link (Ctrl+S copies it)" onClick={toggle}>
        Share
      </button>
      {open && (
        <Suspense fallback={<div className="share-dialog" role="dialog" aria-label="Share" data-state="preparing" />}>
          <ShareDialog />
        </Suspense>
      )}
    </div>
  )
}
