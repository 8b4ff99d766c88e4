import { describe, expect, it } from 'vitest'
import { loadWorld } from '../cli/load-world.ts'
import { Simulation } from './engine.ts'
import { buildNetwork } from './index.ts'
import { INCIDENT_FACTS } from './incidents/facts.ts'
import { NodeClass } from './network.ts'
import {
  DEFAULT_RESPONSE,
  DETECTED_INCIDENTS,
  RESPONSE_INCIDENTS,
  copyMinutes,
  median,
  repairerOf,
  RepairBy,
} from './repair.ts'

const world = loadWorld()
const central = buildNetwork(world, { kind: 'centralized' }, 1)
const p2p = buildNetwork(world, { kind: 'p2p', nodes: 1500 }, 1)

describe('the repair model', () => {
  it("takes the provider's times from the recorded outages: half took at most as long, half at least", () => {
    const halves = (xs: number[], m: number) => {
      expect(xs.filter((x) => x <= m).length).toBeGreaterThanOrEqual(xs.length / 2)
      expect(xs.filter((x) => x >= m).length).toBeGreaterThanOrEqual(xs.length / 2)
    }
    halves(
      RESPONSE_INCIDENTS.map((i) => i.durationMin),
      DEFAULT_RESPONSE.cloudRestoreMin,
    )
    halves(
      DETECTED_INCIDENTS.map((i) => i.detectMin!),
      DEFAULT_RESPONSE.cloudDetectMin,
    )
    // Fires, strikes and a bad release to every machine need hands on site: they are left out of the restore time.
    expect(RESPONSE_INCIDENTS.length).toBeGreaterThanOrEqual(10)
    expect(RESPONSE_INCIDENTS.some((i) => i.mechanism === 'fire' || i.layer === 'machines')).toBe(false)
    expect(INCIDENT_FACTS.length - RESPONSE_INCIDENTS.length).toBeGreaterThan(0)
    expect(DEFAULT_RESPONSE.cloudDetectMin).toBeLessThan(DEFAULT_RESPONSE.cloudRestoreMin / 10)
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 2, 3])).toBe(2.5)
  })

  it('sends a copy in the time its data takes, shared by the copies a node sends at once', () => {
    expect(copyMinutes(10, 100)).toBeCloseTo(800 / 60, 9)
    expect(copyMinutes(10, 100, 3)).toBeCloseTo(2400 / 60, 9)
    expect(copyMinutes(0, 100)).toBe(0)
    expect(copyMinutes(10, 0)).toBe(Infinity)
  })

  it("has the cloud's engineers repair its regions and points of presence, and operators their small nodes", () => {
    expect(repairerOf(NodeClass.region)).toBe(RepairBy.provider)
    expect(repairerOf(NodeClass.pop)).toBe(RepairBy.provider)
    expect(repairerOf(NodeClass.peer)).toBe(RepairBy.operator)
    expect(repairerOf(NodeClass.imported)).toBe(RepairBy.operator)
  })

  it("brings a cloud region back when the provider's engineers have detected and restored it", () => {
    const { cloudDetectMin, cloudRestoreMin } = DEFAULT_RESPONSE
    const sim = new Simulation(central, { kind: 'site', node: 0 }, 1)
    // Down from minute 1 to minute 1 + the restore time (series[i] is minute i).
    const back = Math.ceil(1 + cloudRestoreMin)
    const series = sim.run(back + 3)
    expect(series[back - 1]!.failedNodes).toBe(1)
    expect(series[back]!.failedNodes).toBe(0)
    expect(sim.isSettled()).toBe(true)
    expect(sim.milestones).toEqual([
      { t: Math.ceil(1 + cloudDetectMin), kind: 'detected', by: 'provider', count: 1 },
      { t: back, kind: 'repaired', by: 'provider', count: 1 },
    ])
    // The person-hours stop growing once it is back.
    expect(series[back + 2]!.userHoursLost).toBe(series[back]!.userHoursLost)
  })

  it('brings a small node back when its operator has repaired it; its copies are made again long before', () => {
    const host = p2p.services!.host[0]!
    // Two hours to repair here (the default is 12): the mechanism, in fewer steps.
    const response = { ...DEFAULT_RESPONSE, nodeRepairMin: 120 }
    const sim = new Simulation(p2p, { kind: 'site', node: host }, 1, { response })
    const repairAt = 1 + response.nodeRepairMin
    sim.run(repairAt) // to the minute before
    expect(sim.nodeUp[host]).toBe(0)
    const healed = sim.milestones.find((m) => m.kind === 'healed')
    expect(healed?.by).toBe('grid')
    expect(healed!.t).toBeLessThan(60)
    expect(sim.milestones.some((m) => m.kind === 'detected')).toBe(false)
    sim.step()
    expect(sim.nodeUp[host]).toBe(1)
    expect(sim.milestones.at(-1)).toEqual({ t: repairAt, kind: 'repaired', by: 'operator', count: 1 })
  })

  it('brings an area a disaster hit back at the same time on every network, its people with it', () => {
    const at = { lat: 39.04, lon: -77.49, radiusKm: 400 }
    // An hour here (the default is 6): the mechanism, in fewer steps.
    const response = { ...DEFAULT_RESPONSE, areaRestoreMin: 60 }
    const back = 1 + response.areaRestoreMin
    for (const net of [central, p2p]) {
      const sim = new Simulation(net, { kind: 'region', ...at }, 1, { response })
      sim.run(back)
      expect(sim.current.failedNodes, net.kind).toBeGreaterThan(0)
      expect(sim.clusterUp.includes(0)).toBe(true)
      sim.step()
      expect(sim.current.failedNodes, net.kind).toBe(0)
      expect(sim.clusterUp.includes(0)).toBe(false)
      expect(sim.milestones.filter((m) => m.kind === 'repaired').map((m) => [m.t, m.by])).toEqual([[back, 'area']])
    }
  })

  it('repairs nothing when told never, and everything after a set time when given one', () => {
    const never = new Simulation(central, { kind: 'site', node: 0 }, 1, { repairAfterMin: null })
    never.run(1000)
    expect(never.current.failedNodes).toBe(1)
    expect(never.milestones).toEqual([])
    const fixed = new Simulation(central, { kind: 'site', node: 0 }, 1, { repairAfterMin: 30 })
    fixed.run(32)
    expect(fixed.current.failedNodes).toBe(0)
    expect(fixed.milestones).toEqual([{ t: 31, kind: 'repaired', by: 'provider', count: 1 }])
  })
})
