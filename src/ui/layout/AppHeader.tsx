import { LanguageSwitch } from '../LanguageSwitch'
import { NewDocumentButtons } from '../NewDocumentButtons'
import { SettingsPopover } from '../SettingsPopover'

/** The top bar: name, language, rule settings, document actions, and sharing (not there yet). */
export function AppHeader() {
  return (
    <header className="app-header">
      <h1>Rule Playground</h1>
      <LanguageSwitch />
      <SettingsPopover />
      <span className="header-spacer" />
      <NewDocumentButtons />
      <button type="button" disabled title="Sharing arrives with share links">
        Share
      </button>
    </header>
  )
}
