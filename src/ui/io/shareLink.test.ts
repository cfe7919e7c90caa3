import { describe, expect, it } from 'vitest'
import { BUILTIN_SCENARIOS } from '../../domain/scenario/builtins/index.ts'
import { withBuiltInIds } from '../../domain/util/renameIds.ts'
import { scenarioHash } from '../../domain/scenario/hash.ts'
import { validateScenario } from '../../domain/derive/validateScenario.ts'
import { decodeScenarioFragment, encodeScenarioFragment, MAX_LINK_LENGTH } from './shareLink.ts'

describe('share link fragments', () => {
  it('round-trips every built-in scenario exactly', async () => {
    for (const make of Object.values(BUILTIN_SCENARIOS)) {
      const validated = validateScenario(make())
      if (!validated.ok) throw new Error('invalid built-in')
      const fragment = await encodeScenarioFragment(validated.scenario)
      expect(fragment).toMatch(/^s=[A-Za-z0-9_-]+$/)
      const back = await decodeScenarioFragment(`#${fragment}`)
      expect(back?.ok).toBe(true)
      if (back?.ok === true)
        expect(scenarioHash(back.scenario)).toBe(scenarioHash(validated.scenario))
    }
  })

  it('round-trips a day whose node, link and process ids are names of built-ins', async () => {
    for (const make of [BUILTIN_SCENARIOS.tiny, BUILTIN_SCENARIOS.representative]) {
      const validated = validateScenario(withBuiltInIds(make()))
      if (!validated.ok) throw new Error('invalid renamed built-in')
      const scenario = validated.scenario
      const back = await decodeScenarioFragment(`#${await encodeScenarioFragment(scenario)}`)
      if (back?.ok !== true) throw new Error('the share link does not decode')
      expect(back.scenario).toEqual(scenario)
      for (const list of [
        back.scenario.qkd.nodes,
        back.scenario.qkd.links,
        back.scenario.processes,
      ])
        expect(list.slice(0, 2).map((x) => x.id)).toEqual(['__proto__', 'constructor'])
      expect(scenarioHash(back.scenario)).toBe(scenarioHash(scenario))
    }
  })

  it('keeps the representative day well within the link limit', async () => {
    const validated = validateScenario(BUILTIN_SCENARIOS.representative())
    if (!validated.ok) throw new Error('invalid built-in')
    expect((await encodeScenarioFragment(validated.scenario)).length).toBeLessThan(MAX_LINK_LENGTH)
  })

  it('ignores other fragments and reports a damaged link instead of throwing', async () => {
    expect(await decodeScenarioFragment('#section-2')).toBeUndefined()
    expect(await decodeScenarioFragment('#s=not-really-deflate')).toEqual({
      ok: false,
      issues: [{ path: '(root)', message: 'the share link is damaged or incomplete' }],
    })
  })
})
