import { lazy, Suspense } from 'react'
import { usePlayground } from '../use-playground'

// The dialog loads when first opened: the first paint carries only the button.
const PrivacyDialog = lazy(() => import('./PrivacyDialog').then((m) => ({ default: m.PrivacyDialog })))

/** The header's way to "Privacy & storage": what the page keeps where, autosave on/off, clearing. */
export function PrivacyButton() {
  const open = usePlayground((s) => s.openPanel === 'privacy')
  const toggle = usePlayground((s) => s.togglePanel)
  const close = usePlayground((s) => s.closePanel)
  return (
    <>
      <button type="button" aria-haspopup="dialog" aria-expanded={open} title="Privacy & storage: what this page keeps in your browser" onClick={() => toggle('privacy')}>
        Privacy
      </button>
      {open && (
        <Suspense fallback={null}>
          <PrivacyDialog onClose={close} />
        </Suspense>
      )}
    </>
  )
}
