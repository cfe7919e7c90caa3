/**
 * Two tabs must not silently overwrite each other's scenario. Every autosave is announced on a
 * BroadcastChannel; a tab that hears another tab save marks itself as out of date, and the user
 * chooses to load the other tab's scenario or keep their own (their next edit then wins).
 */
import type { Scenario } from '../domain/scenario/types.ts'
import { useAppStore } from './index.ts'

const CHANNEL = 'qkd-vpp-planner-autosave'

export interface SaveAnnouncement {
  tabId: string
  savedAt: string
  scenario: Scenario
}

let channel: BroadcastChannel | undefined
const tabId = Math.random().toString(36).slice(2)

/** Listens for saves from other tabs. */
export function startTabSync(): void {
  if (typeof BroadcastChannel === 'undefined' || channel !== undefined) return
  channel = new BroadcastChannel(CHANNEL)
  channel.onmessage = (event: MessageEvent<SaveAnnouncement>) => {
    if (event.data.tabId === tabId) return
    useAppStore.setState({ otherTabSave: event.data })
  }
}

/** Tells other tabs that this tab just saved. */
export function announceSave(scenario: Scenario, savedAt: string): void {
  channel?.postMessage({ tabId, savedAt, scenario } satisfies SaveAnnouncement)
}
