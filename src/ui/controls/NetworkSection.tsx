import { useCallback, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { NetworkSpec } from '../../sim/index'
import { useAppStore } from '../../store/appStore'
import { ALL_KINDS, type BuiltInKind, type NetworkKind } from '../../store/store'
import { NetworkFacts } from './NetworkFacts'
import { NetworkParams } from './NetworkParams'

/** Short names for the picker; the legend and the HUD give the full ones (NETWORK_LABELS). */
const SHORT_LABELS: Record<NetworkKind, string> = {
  centralized: 'Centralized',
  decentralized: 'Multi-region',
  p2p: 'Peer-to-peer',
  imported: 'Imported',
}

/** One build per network at a time; kept here so it survives switching away from the network and back. */
type Builds = Partial<Record<BuiltInKind, { busy: boolean; error: string | null }>>

/** Which network is on screen, and the parameters it is built with. */
export function NetworkSection() {
  const { active, ready, hasImported } = useAppStore(
    useShallow((s) => ({ active: s.active, ready: s.status === 'ready', hasImported: s.slots.imported !== undefined })),
  )
  const setNetwork = useAppStore((s) => s.setNetwork)
  const configure = useAppStore((s) => s.configure)
  const [builds, setBuilds] = useState<Builds>({})

  const build = useCallback(
    async (spec: NetworkSpec) => {
      const kind = spec.kind
      setBuilds((b) => ({ ...b, [kind]: { busy: true, error: null } }))
      try {
        await configure(spec)
        setBuilds((b) => ({ ...b, [kind]: { busy: false, error: null } }))
      } catch (e) {
        const error = `The network could not be built: ${e instanceof Error ? e.message : String(e)}`
        setBuilds((b) => ({ ...b, [kind]: { busy: false, error } }))
      }
    },
    [configure],
  )

  return (
    <section className="ctl-section" aria-labelledby="ctl-network-title">
      <h2 className="ctl-section__title" id="ctl-network-title">
        Network
      </h2>
      <fieldset className="ctl-choices">
        <legend className="ctl-visually-hidden">Network on screen</legend>
        {ALL_KINDS.map((kind) => (
          <label key={kind} className="ctl-choice" data-kind={kind}>
            <input
              type="radio"
              name="ctl-network"
              value={kind}
              checked={active === kind}
              disabled={!ready || (kind === 'imported' && !hasImported)}
              onChange={() => setNetwork(kind)}
            />
            <span>{SHORT_LABELS[kind]}</span>
          </label>
        ))}
      </fieldset>
      <NetworkFacts kind={active} />
      {active !== 'imported' && (
        <NetworkParams key={active} kind={active} ready={ready} build={builds[active]} onApply={build} />
      )}
    </section>
  )
}
