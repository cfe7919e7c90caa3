/**
 * Scenario files: import (file picker, or drop a file anywhere on the page) and export as JSON.
 * An import is validated first; a file with problems changes nothing and lists every problem.
 */
import { useEffect, useId, useState } from 'react'
import { useAppStore } from '../../store/index.ts'
import { downloadBlob, fileStem } from './download.ts'
import { scenarioFileText } from './scenarioFile.ts'
import { parseScenarioText } from './importScenario.ts'
import { decodeScenarioFragment, encodeScenarioFragment, MAX_LINK_LENGTH } from './shareLink.ts'
import { formatNumber } from '../format.ts'

export async function importFile(file: File): Promise<void> {
  const result = parseScenarioText(await file.text())
  if (result.ok) {
    useAppStore.getState().setScenario(result.scenario, `Imported ${file.name}`)
    useAppStore.setState({ importProblem: undefined })
  } else {
    useAppStore.setState({ importProblem: { fileName: file.name, issues: result.issues } })
  }
}

function useFileDrop(): void {
  useEffect(() => {
    const over = (event: DragEvent): void => {
      if (event.dataTransfer?.types.includes('Files') === true) event.preventDefault()
    }
    const drop = (event: DragEvent): void => {
      const file = event.dataTransfer?.files[0]
      if (file === undefined) return
      event.preventDefault()
      void importFile(file)
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [])
}

/**
 * Opens a scenario carried in the URL fragment (a share link), as one undoable step, then clears
 * the fragment so later reloads show the autosaved edits rather than the original link.
 */
export async function openShareLink(): Promise<void> {
  const result = await decodeScenarioFragment(window.location.hash)
  if (result === undefined) return
  if (result.ok) useAppStore.getState().setScenario(result.scenario, 'Opened a share link')
  else
    useAppStore.setState({ importProblem: { fileName: 'the share link', issues: result.issues } })
  window.history.replaceState(null, '', window.location.pathname + window.location.search)
}

type Share = { url: string; copied: boolean } | { tooLong: number } | undefined

export function FileControls() {
  const id = useId()
  const [share, setShare] = useState<Share>(undefined)
  useFileDrop()
  const makeLink = async (): Promise<void> => {
    const fragment = await encodeScenarioFragment(useAppStore.getState().scenario)
    const url = `${window.location.origin}${window.location.pathname}#${fragment}`
    if (url.length > MAX_LINK_LENGTH) {
      setShare({ tooLong: url.length })
      return
    }
    const copied = await navigator.clipboard?.writeText(url).then(
      () => true,
      () => false,
    )
    setShare({ url, copied: copied === true })
  }
  const exportJson = (): void => {
    const { scenario } = useAppStore.getState()
    const text = scenarioFileText(scenario, document.baseURI)
    downloadBlob(`${fileStem(scenario.name)}.json`, new Blob([text], { type: 'application/json' }))
  }
  return (
    <div className="file-controls">
      <label htmlFor={id} className="button button--small">
        Import…
      </label>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        aria-label="Import a scenario file (JSON)"
        onChange={(event) => {
          const file = event.target.files?.[0]
          if (file !== undefined) void importFile(file)
          event.target.value = ''
        }}
      />
      <button type="button" className="button button--small" onClick={exportJson}>
        Export JSON
      </button>
      <button type="button" className="button button--small" onClick={() => void makeLink()}>
        Share link
      </button>
      {share !== undefined && (
        <div className="share-popover" role="status" data-testid="share-link">
          {'url' in share ? (
            <>
              <label>
                {share.copied ? 'Link copied. ' : ''}The scenario travels in the link itself (after
                #), never to a server:
                <input
                  readOnly
                  value={share.url}
                  aria-label="Share link"
                  onFocus={(e) => e.target.select()}
                />
              </label>
            </>
          ) : (
            <span>
              This scenario makes a {formatNumber(share.tooLong)}-character link, too long to share
              reliably. Use Export JSON and send the file instead.
            </span>
          )}
          <button
            type="button"
            className="button button--small"
            onClick={() => setShare(undefined)}
          >
            Close
          </button>
        </div>
      )}
    </div>
  )
}

export function ImportProblem() {
  const problem = useAppStore((s) => s.importProblem)
  if (problem === undefined) return null
  return (
    <section className="problem import-problem" role="alert" data-testid="import-problem">
      <h2>Could not import {problem.fileName}: nothing was changed</h2>
      <ul className="problem__list">
        {problem.issues.slice(0, 50).map((issue, i) => (
          <li key={i}>
            <code>{issue.path}</code>: {issue.message}
          </li>
        ))}
      </ul>
      {problem.issues.length > 50 && <p>…and {problem.issues.length - 50} more.</p>}
      <button
        type="button"
        className="button"
        onClick={() => useAppStore.setState({ importProblem: undefined })}
      >
        Dismiss
      </button>
    </section>
  )
}
