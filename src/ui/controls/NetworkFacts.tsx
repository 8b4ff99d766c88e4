import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/appStore'
import { NETWORK_LABELS, type NetworkKind } from '../../store/store'

const count = (n: number) => n.toLocaleString('en')

/** What the network on screen is made of: its full name and its size, as built (not as typed in the form). */
export function NetworkFacts({ kind }: { kind: NetworkKind }) {
  const facts = useAppStore(
    useShallow((s) => {
      const net = s.slots[kind]?.net
      return net ? { name: net.name, nodes: net.graph.n, links: net.graph.m, hasGeo: net.hasGeo } : null
    }),
  )
  if (!facts) return <p className="ctl-facts">Building the networks…</p>
  return (
    <p className="ctl-facts" data-nodes={facts.nodes} data-links={facts.links}>
      <strong>{kind === 'imported' ? facts.name : NETWORK_LABELS[kind]}</strong>: {count(facts.nodes)} nodes,{' '}
      {count(facts.links)} links
      {!facts.hasGeo && ' (no coordinates: an abstract graph, not drawn on the globe)'}
    </p>
  )
}
