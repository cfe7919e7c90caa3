/**
 * The semantic pass: the rules that span fields, which the schema cannot say field by field.
 * Ids are unique per list, references name existing nodes, links and processes, slot ranges lie
 * inside the horizon, and option fields fit the option's kind. Paths and derived quantities are
 * checked in `derive/` (they need the derivation).
 */
import type { ValidationIssue } from './issues.ts'
import type { Scenario } from './types.ts'

/** Every cross-field problem of a scenario the schema accepted. */
export function semanticProblems(s: Scenario): ValidationIssue[] {
  const out: ValidationIssue[] = []
  const report = (path: string, message: string): void => void out.push({ path, message })
  checkFieldCombinations(s, report)
  checkReferences(s, report)
  return out
}

type Report = (path: string, message: string) => void

function checkFieldCombinations(s: Scenario, report: Report): void {
  s.qkd.links.forEach((link, i) => {
    if (link.initialBufferBits > link.bufferBits)
      report(`qkd.links[${i}].initialBufferBits`, `must not exceed bufferBits (${link.bufferBits})`)
    // A store below its reserve floor is a state the oracle cannot represent (every store lies in
    // reserve … buffer), while the store replay lets a policy sit there drawing nothing: the two
    // would disagree on feasibility and on the terminal charge (found by the fuzz suite).
    const reserveBits = link.reserveFraction * link.bufferBits
    if (link.initialBufferBits < reserveBits)
      report(
        `qkd.links[${i}].initialBufferBits`,
        `must be at least the reserve floor reserveFraction × bufferBits (${reserveBits})`,
      )
  })
  s.processes.forEach((proc, i) => {
    const p = `processes[${i}]`
    if ((proc.messagesPerSitePerHour === undefined) === (proc.messagesPerHour === undefined))
      report(p, 'must give exactly one of messagesPerSitePerHour or messagesPerHour')
    const pairs =
      typeof proc.endpoints === 'string'
        ? []
        : Array.isArray(proc.endpoints)
          ? proc.endpoints.map((pair, j) => [pair, `${p}.endpoints[${j}]`] as const)
          : [[proc.endpoints, `${p}.endpoints`] as const]
    for (const [pair, path] of pairs)
      if (pair.from === pair.to) report(path, 'from and to must be different nodes')
    proc.options.forEach((option, j) => {
      const o = `${p}.options[${j}]`
      if (option.kind === 'aes-refresh') {
        if (option.refreshSeconds === undefined) report(`${o}.refreshSeconds`, 'is required')
      } else {
        for (const field of ['refreshSeconds', 'channels'] as const)
          if (option[field] !== undefined)
            report(`${o}.${field}`, 'applies only to kind aes-refresh')
      }
      const mac = option.kind === 'wc-mac' || option.kind === 'otp-mac'
      if (mac && option.tagBits === undefined) report(`${o}.tagBits`, 'is required')
      if (!mac && option.tagBits !== undefined)
        report(`${o}.tagBits`, 'applies only to kinds wc-mac and otp-mac')
    })
  })
  const ranges = [
    ...s.threat.windows.map((w, i) => [w, `threat.windows[${i}]`] as const),
    ...s.shocks.map((sh, i) => [sh, `shocks[${i}]`] as const),
  ]
  for (const [range, path] of ranges) {
    if (range.startSlot >= range.endSlot)
      report(`${path}.endSlot`, `must be greater than startSlot (${range.startSlot})`)
    if (range.startSlot >= s.horizon.slots)
      report(
        `${path}.startSlot`,
        `must be below horizon.slots (${s.horizon.slots}), got ${range.startSlot}`,
      )
    if (range.endSlot > s.horizon.slots)
      report(
        `${path}.endSlot`,
        `must be at most horizon.slots (${s.horizon.slots}), got ${range.endSlot}`,
      )
  }
}

/** Reports the second and later uses of each id in a list. */
function checkUnique(report: Report, ids: readonly string[], path: string, what: string): void {
  const seen = new Map<string, number>()
  ids.forEach((id, i) => {
    const first = seen.get(id)
    if (first !== undefined)
      report(`${path}[${i}].id`, `duplicate ${what} id "${id}" (first used at ${path}[${first}])`)
    else seen.set(id, i)
  })
}

function checkReferences(s: Scenario, report: Report): void {
  const { nodes, links } = s.qkd
  const ids = (list: ReadonlyArray<{ id: string }>): string[] => list.map((item) => item.id)
  checkUnique(report, ids(nodes), 'qkd.nodes', 'node')
  checkUnique(report, ids(links), 'qkd.links', 'link')
  checkUnique(report, ids(s.fleet.groups), 'fleet.groups', 'DER group')
  checkUnique(report, ids(s.processes), 'processes', 'process')
  const roleOf = new Map(nodes.map((n) => [n.id, n.role]))
  const controls = nodes.filter((n) => n.role === 'control').length
  if (controls !== 1)
    report('qkd.nodes', `must contain exactly one node with role "control", found ${controls}`)
  links.forEach((l, i) => {
    for (const end of ['a', 'b'] as const)
      if (!roleOf.has(l[end])) report(`qkd.links[${i}].${end}`, `unknown node "${l[end]}"`)
    if (l.a === l.b) report(`qkd.links[${i}].b`, 'a link must join two different nodes')
    if (l.keyRateBps === undefined && s.qkd.rateModel.r0Bps === 0)
      report(`qkd.links[${i}].keyRateBps`, 'is required when qkd.rateModel.r0Bps is 0')
  })
  s.fleet.groups.forEach((g, i) => {
    const role = roleOf.get(g.gateway)
    if (role === undefined) report(`fleet.groups[${i}].gateway`, `unknown node "${g.gateway}"`)
    else if (role !== 'aggregator')
      report(`fleet.groups[${i}].gateway`, `node "${g.gateway}" is a ${role}, not an aggregator`)
  })
  const hasGateway = nodes.some((n) => n.role === 'aggregator')
  s.processes.forEach((proc, i) => {
    const p = `processes[${i}]`
    checkUnique(report, ids(proc.options), `${p}.options`, 'option')
    if (typeof proc.endpoints === 'string') {
      if (!hasGateway)
        report(`${p}.endpoints`, `"${proc.endpoints}" needs at least one aggregator node`)
    } else {
      const list = Array.isArray(proc.endpoints) ? proc.endpoints : [proc.endpoints]
      list.forEach((pair, j) => {
        const pp = Array.isArray(proc.endpoints) ? `${p}.endpoints[${j}]` : `${p}.endpoints`
        for (const end of ['from', 'to'] as const)
          if (!roleOf.has(pair[end])) report(`${pp}.${end}`, `unknown node "${pair[end]}"`)
      })
    }
    if (proc.minOption !== undefined && !proc.options.some((o) => o.id === proc.minOption))
      report(
        `${p}.minOption`,
        `"${proc.minOption}" is not one of the process's options (${ids(proc.options).join(', ')})`,
      )
  })
  const processIds = new Set(ids(s.processes))
  s.threat.windows.forEach((w, i) => {
    w.processes?.forEach((id, j) => {
      if (!processIds.has(id))
        report(`threat.windows[${i}].processes[${j}]`, `unknown process "${id}"`)
    })
  })
  const linkIds = new Set(ids(links))
  s.shocks.forEach((sh, i) => {
    if (sh.links === 'all') return
    sh.links.forEach((id, j) => {
      if (!linkIds.has(id)) report(`shocks[${i}].links[${j}]`, `unknown link "${id}"`)
    })
  })
}
