import { describe, expect, it } from 'vitest'
import { createPlaygroundStore } from '../state/store'
import { FIRST_VISIT_EXAMPLE, firstVisitState } from './first-visit'
import { exampleById } from './index'
import { exampleToDocument } from './to-document'

describe('firstVisitState', () => {
  it('opens the current Login/Logout Hook example with the JAMF exclusion, guide showing', () => {
    const s = firstVisitState()
    expect(FIRST_VISIT_EXAMPLE).toBe(exampleById('login-logout-hook'))
    expect(s.query).toContain('Support/JAMF/ManagementFrameworkScripts/loginhook.sh')
    expect(s.language).toBe('eql')
    expect(s.guideOpen).toBe(true)
    expect(s.title).toBe(FIRST_VISIT_EXAMPLE.title)
    expect(s.task).toBe(FIRST_VISIT_EXAMPLE.notes)
    expect(s.eventsSource).toBe('example:login-logout-hook')
    expect(s.expectations).toHaveLength(FIRST_VISIT_EXAMPLE.events.length)
    expect(s.rule?.name).toBe('Persistence via Login or Logout Hook')
  })

  it('gives a store the same document that opening the example from the menu gives', () => {
    const first = createPlaygroundStore(firstVisitState()).getState()
    const menu = createPlaygroundStore()
    menu.getState().openDocument(exampleToDocument(FIRST_VISIT_EXAMPLE))
    const opened = menu.getState()
    for (const key of ['query', 'language', 'eventsText', 'eventsSource', 'title', 'task', 'expectations', 'rule'] as const)
      expect(first[key], key).toEqual(opened[key])
    expect(first.guideOpen).toBe(true)
    expect(opened.guideOpen).toBe(false)
    // a first visit has nothing to restore
    expect(first.previousDocument).toBeNull()
  })
})
