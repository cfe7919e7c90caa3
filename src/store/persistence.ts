/**
 * Autosave: the scenario is written to IndexedDB shortly after every edit and restored on the
 * next visit. A failure to save (private mode, quota, blocked storage) is reported to the user,
 * never swallowed: losing an hour of editing silently is the failure users fear most.
 */
import type { Scenario } from '../domain/scenario/types.ts'
import { validateScenario } from '../domain/derive/validateScenario.ts'

const DB_NAME = 'qkd-vpp-planner'
const STORE = 'scenarios'
const KEY = 'current'
/** Wait after the last edit before saving, ms. */
export const AUTOSAVE_DEBOUNCE_MS = 400

export interface SavedScenario {
  scenario: Scenario
  savedAt: string
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('this browser offers no IndexedDB storage'))
      return
    }
    const request = indexedDB.open(DB_NAME, 1)
    request.onupgradeneeded = () => request.result.createObjectStore(STORE)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'))
    request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'))
  })
}

function run<T>(
  mode: IDBTransactionMode,
  action: (store: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  return openDb().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode)
        const request = action(tx.objectStore(STORE))
        tx.oncomplete = () => {
          db.close()
          resolve(request.result)
        }
        tx.onerror = () => {
          db.close()
          reject(tx.error ?? request.error ?? new Error('IndexedDB transaction failed'))
        }
        tx.onabort = () => {
          db.close()
          reject(tx.error ?? new Error('IndexedDB transaction aborted (storage full?)'))
        }
      }),
  )
}

/** What is stored: IndexedDB keeps a structured clone of it. */
export function savedRecord(scenario: Scenario, savedAt = new Date().toISOString()): SavedScenario {
  return { scenario, savedAt }
}

/** A stored record read back: its scenario if it still validates (older versions migrated). */
export function restoredRecord(record: SavedScenario | undefined): SavedScenario | undefined {
  if (record === undefined) return undefined
  const validated = validateScenario(record.scenario)
  return validated.ok ? { scenario: validated.scenario, savedAt: record.savedAt } : undefined
}

export function saveScenario(scenario: Scenario): Promise<void> {
  const record = savedRecord(scenario)
  return run('readwrite', (store) => store.put(record, KEY)).then(() => undefined)
}

/** The saved scenario, if there is one that still validates (older versions are migrated). */
export async function loadSavedScenario(): Promise<SavedScenario | undefined> {
  const record = (await run('readonly', (store) => store.get(KEY))) as SavedScenario | undefined
  return restoredRecord(record)
}

/** Where scenario B of Compare A/B is kept, beside the current scenario. */
const COMPARE_KEY = 'compareB'

/** Saves scenario B, or removes the saved one when there is no B. */
export function saveCompareScenario(scenario: Scenario | undefined): Promise<void> {
  if (scenario === undefined) {
    return run('readwrite', (store) => store.delete(COMPARE_KEY)).then(() => undefined)
  }
  const record: SavedScenario = { scenario, savedAt: new Date().toISOString() }
  return run('readwrite', (store) => store.put(record, COMPARE_KEY)).then(() => undefined)
}

/** The saved scenario B, if there is one that still validates. */
export async function loadSavedCompareScenario(): Promise<Scenario | undefined> {
  const record = (await run('readonly', (store) => store.get(COMPARE_KEY))) as
    SavedScenario | undefined
  if (record === undefined) return undefined
  const validated = validateScenario(record.scenario)
  return validated.ok ? validated.scenario : undefined
}
