import { useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { StepMetrics } from '../../sim/engine'
import { DEFAULT_SIM_OPTIONS } from '../../sim/engine'
import { DEFAULT_ROUTE_STRETCH, FIBER_KM_PER_MS } from '../../sim/geo'
import { FAILURE_MODELS, NodeClass, type Network } from '../../sim/network'
import { UPTIME_STREAKS, ageShareAbove } from '../../sim/churnFit'
import { ACCESS_CANDIDATES, ACCESS_RADIUS_KM, BACKBONE_HOP_MS, OVERLAY_HOP_MS } from '../../sim/networks/common'
import { DIVERSE_MIN_KM } from '../../sim/networks/defaults'
import { OPERATOR_NEAR_KM, SHARED_ISP_KM } from '../../sim/incidents/replay'
import { INCIDENT_TABLE } from '../incidents/incidentText'
import { API_SHARE, EDGE_SHARE, NAMED_SHARE } from '../../sim/networks/planes'
import { ownership } from '../../sim/ownership'
import { regionShares } from '../../sim/regions'
import { SCENARIO_DESCRIPTIONS, SCENARIO_KINDS } from '../../sim/scenarios'
import { useAppStore } from '../../store/appStore'
import { NETWORK_LABELS } from '../../store/store'
import { formatCount, formatDuration, formatMs, formatPercent, formatSmallShare, scaleNumber } from '../hud/format'
import { DETECTED_INCIDENTS, RESPONSE_INCIDENTS, copyMinutes } from '../../sim/repair'
import { HEADROOM, MAX_COPIES_PER_NODE, POPULARITY_EXPONENT, serviceDemand } from '../../sim/demand'
import { EXACT_LOAD_MAX_NODES, LOAD_SAMPLE_SOURCES } from '../../sim/cascade'
import sensitivity from '../../data/sensitivity-table.json'
import type { SensitivityTable } from '../../sim/sensitivity'
import { HOURS_BAD, SHARE_OK, SHARE_WARN } from '../hud/severity'
import { allDownShare, failureRows, networkFacts, type FailureRow } from './facts'
import { Sources } from './Sources'

/** How the results lean on the hop cost and the region skew (`npm run data:sensitivity`). */
const SENSITIVITY = sensitivity as SensitivityTable

/** The model in plain words, with its parameters read live from the networks the page built. */
export function ModelText() {
  const nets = useAppStore(
    useShallow((s) => ({
      centralized: s.slots.centralized?.net,
      decentralized: s.slots.decentralized?.net,
      p2p: s.slots.p2p?.net,
    })),
  )
  const rest = useAppStore(
    useShallow((s) => ({
      centralized: s.slots.centralized?.series[0],
      decentralized: s.slots.decentralized?.series[0],
      p2p: s.slots.p2p?.series[0],
    })),
  )
  const seed = useAppStore((s) => s.seed)
  const rows = failureRows()
  return (
    <>
      <p className="method__lead">
        Every number on screen comes from a simulation running in this page: plain code, the same result from the same
        seed (now {seed}). One failure, at the same place and the same moment, hits all three networks; switching only
        changes which one you look at.
      </p>
      <Networks nets={nets} />
      <People net={nets.p2p ?? nets.centralized} />
      <Metrics />
      <Failures />
      <SharedPlanes />
      <Churn rows={rows} />
      <Repair />
      <Capacity />
      <Latency rest={rest} />
      <Costs rows={rows} cloud={nets.centralized} grid={nets.p2p} />
      <Control nets={nets} />
      <Assumptions />
      <Sources />
    </>
  )
}

type Nets = Record<'centralized' | 'decentralized' | 'p2p', Network | undefined>

function Networks({ nets }: { nets: Nets }) {
  const c = nets.centralized && networkFacts(nets.centralized)
  const d = nets.decentralized && networkFacts(nets.decentralized)
  const p = nets.p2p && networkFacts(nets.p2p)
  const pp = nets.p2p?.params ?? {}
  const largestShare = regionShares(c?.byClass[NodeClass.region] ?? 16)[0] ?? 0
  return (
    <section aria-labelledby="method-networks">
      <h3 id="method-networks">The three networks</h3>
      <p>After Paul Baran's 1964 memo, which drew the same three shapes: a star, a hierarchy of stars, and a mesh.</p>
      <dl className="method__defs">
        <dt>{NETWORK_LABELS.centralized}</dt>
        <dd>
          {c ? (
            <>
              {formatCount(c.byClass[NodeClass.region] ?? 0)} hyperscale cloud regions at real metros and{' '}
              {formatCount(c.byClass[NodeClass.pop] ?? 0)} points of presence where people enter the provider's backbone
              ({formatCount(c.links)} links). The backbone is a mesh: every pair of regions is joined, and each point of
              presence links to its {String(nets.centralized!.params.uplinks ?? '')} nearest regions and its{' '}
              {String(nets.centralized!.params.popLinks ?? '')} nearest points of presence, so one whose regions fail
              reaches the others through its neighbours (when it hung off its two regions alone, a disaster there cut
              off tens of millions far away). Each of the {formatCount(c.services)} services lives in one region; the
              largest region hosts {formatPercent(largestShare)} of them.
            </>
          ) : (
            'Not built yet.'
          )}
        </dd>
        <dt>{NETWORK_LABELS.decentralized}</dt>
        <dd>
          {d ? (
            <>
              The same {formatCount(d.nodes)} sites and backbone; each service runs in {d.replicas} regions and fails
              over to another when one is lost.{' '}
              {nets.decentralized!.params.placement === 'nearest'
                ? 'Its copies are in the regions nearest its home.'
                : `Its copies are at least ${formatCount(DIVERSE_MIN_KM)} km apart, as disaster recovery regions are chosen: a regional disaster takes one copy at most.`}
            </>
          ) : (
            'Not built yet.'
          )}
        </dd>
        <dt>{NETWORK_LABELS.p2p}</dt>
        <dd>
          {p ? (
            <>
              {formatCount(p.nodes)} small nodes where people live, run by {formatCount(p.operators)} independent
              operators (the largest runs {formatCount(p.largestOperator)}), as on the ThreeFold Grid. Each node links
              to its {String(pp.links ?? '')} nearest peers plus {String(pp.longLinks ?? '')} long link on average (
              {formatCount(p.links)} links in all). Each service runs on {p.replicas} to {p.maxCopies} nodes, the more
              the more it is used (a small node carries only so much: see Demand and capacity), kept at least{' '}
              {String(pp.replicaSeparationKm ?? '')} km apart where possible. Self-healing is{' '}
              {p.selfHealing ? 'on' : 'off'}.
            </>
          ) : (
            'Not built yet.'
          )}
        </dd>
      </dl>
    </section>
  )
}

function People({ net }: { net: Network | undefined }) {
  const f = net && networkFacts(net)
  const people = f ? scaleNumber(f.people) : null
  return (
    <section aria-labelledby="method-people">
      <h3 id="method-people">People and access</h3>
      <p>
        {f && people ? (
          <>
            {formatCount(f.clusters)} clusters of the world's people ({people.value} {people.scale} in all)
          </>
        ) : (
          'Clusters of the world’s people'
        )}
        , from GeoNames places of 1,000 people or more summed in cells about 160 km across, per country. People reach
        the network through an access node (a point of presence, or a small node) within reach: one of their{' '}
        {ACCESS_CANDIDATES} nearest when it serves them as well as any, else the best among those within{' '}
        {formatCount(ACCESS_RADIUS_KM)} km. From there the network carries them to the services. People inside a
        disaster area lose their own connection, on every network alike.
      </p>
    </section>
  )
}

function Metrics() {
  return (
    <section aria-labelledby="method-metrics">
      <h3 id="method-metrics">What the numbers mean</h3>
      <dl className="method__defs">
        <dt>Users online</dt>
        <dd>The share of people who can reach at least one service.</dd>
        <dt>Services available</dt>
        <dd>
          The share of all (person, service) pairs in which the person reaches a working copy of the service. Everyone
          is assumed to use every service, so this is also the share of services an average person can use.
        </dd>
        <dt>Latency, median and p95</dt>
        <dd>
          The round trip from people to the nearest reachable copy of a service, over a fixed sample of 16 services,
          weighted by population: half of people wait less than the median, 95% less than the p95.
        </dd>
        <dt>Failed nodes and links</dt>
        <dd>How many are down at this moment.</dd>
        <dt>Person-hours lost</dt>
        <dd>
          Added up over the run: an hour in which a person cannot reach a share x of the services counts as x hours.
        </dd>
        <dt>Survivability</dt>
        <dd>
          Baran's measure, used in the robustness chart: the share of all nodes that are up and in the largest connected
          group.
        </dd>
        <dt>Colours</dt>
        <dd>
          Green (✓) from {formatPercent(SHARE_OK)} of users or services, amber (▲) from {formatPercent(SHARE_WARN)}, red
          (✕) below; latency green up to 20% slower than the same network at the start, amber up to 50%; person-hours
          red from {scaleNumber(HOURS_BAD).value} {scaleNumber(HOURS_BAD).scale}. Each colour comes with its icon and a
          word.
        </dd>
      </dl>
    </section>
  )
}

function Failures() {
  return (
    <section aria-labelledby="method-failures">
      <h3 id="method-failures">Failures</h3>
      <ul className="method__list">
        {SCENARIO_KINDS.filter((k) => k !== 'none').map((k) => (
          <li key={k}>{SCENARIO_DESCRIPTIONS[k]}</li>
        ))}
      </ul>
      <p>
        The cascade follows Motter and Lai: each node's load is the number of shortest paths through it, its capacity is
        (1 + α) times its load at the start, and every node whose load passes its capacity fails, one round per minute.
        A spreading failure passes to each neighbour with probability T. A push travels down the operator's rollout
        tree, four machines at a time.
      </p>
    </section>
  )
}

const OFF_BY_ORDER = INCIDENT_TABLE.incidents.filter((r) => r.offByOrder)

/** The shared planes the services need, and how a recorded outage replays on each network (sim/incidents). */
function SharedPlanes() {
  const pct = (x: number) => `${Math.round(x * 100)}%`
  return (
    <section aria-labelledby="method-planes">
      <h3 id="method-planes">Shared planes and recorded outages</h3>
      <p>
        Most real outages were not a site going dark but a shared system failing: a DNS record, an identity or API
        control plane, a proxy's configuration. Services depend on these planes besides the machines that host them, as
        dependency edges of the model: while a plane is down, what needs it stops answering though every copy's host is
        up (drawn grey, labelled impaired), and copies in other regions do not help when the plane is global.
      </p>
      <ul className="method__list">
        <li>
          Cloud (one provider): {pct(NAMED_SHARE)} of services are named in its DNS; {pct(API_SHARE)} call its managed
          APIs on every request, and so need its DNS, its identity and API control, and the endpoints of the region each
          copy runs in; {pct(EDGE_SHARE)} sit behind its edge proxy (about Cloudflare's share of websites).
        </li>
        <li>
          Peer-to-peer grid: {pct(NAMED_SHARE)} of services are published under its shared gateway names (the rest under
          their owners' names, or reached by key); placing a new copy needs its chain, where deployments are recorded.
          These shares are assumptions, the same on both sides where both have the thing.
        </li>
      </ul>
      <p>
        A recorded outage (Recorded outages, from the operators' own reports) replays on every network for its reported
        duration. The cloud gets what happened; the others get the same mechanism by fixed rules: a global DNS, control
        or edge failure fails the same plane on both clouds, and on the grid its name service (DNS), its chain (control)
        or every node of its largest operator (a pushed edge configuration); a region's failure hits that region's
        endpoints, and on the grid the same mistake by the operator with the most nodes within {OPERATOR_NEAR_KM} km, or
        every node within {SHARED_ISP_KM} km where it was the network (a shared ISP); a provider's whole backbone fails
        every link of the cloud and every node of the grid's largest operator; a bad release reaches the same share of
        every network's nodes; a fire or a strike takes every node within its reach, on every network alike.
      </p>
      <p>
        Beside the record, the model is coarse: its nodes are whole regions, points of presence and home servers, so an
        outage of one building or of one machine in a hundred is below what it resolves. Where a report gives its reach
        as a share and the centralized cloud's peak share of services down is more than 10 times from it, that is a
        finding about the model, not a failure:{' '}
        {OFF_BY_ORDER.length === 0
          ? 'none today.'
          : OFF_BY_ORDER.map(
              (r) =>
                `${r.title} (reported ${formatSmallShare(r.reportedShare!)} of ${r.reportedShareOf}; model ${formatSmallShare(r.modelShare!)})`,
            ).join('; ') + '.'}
      </p>
    </section>
  )
}

function Churn({ rows }: { rows: FailureRow[] }) {
  return (
    <section aria-labelledby="method-churn">
      <h3 id="method-churn">Churn</h3>
      <p>
        Every kind of node fails on its own now and then, and is repaired. Small nodes' uptimes follow a Weibull
        distribution fitted to the ThreeFold Grid's published uptime streaks; a cloud region has a major outage about
        once a year. The streaks are shares of the nodes up at one moment (88% have been up for over a week), so they
        tell how long the uptimes under way have lasted so far, not how long uptimes last: a node seen at a random
        moment is more likely to be in a long uptime than a short one. The fit is to that (the share older than t is
        Q(1/k, (t/λ)^k), the incomplete gamma function; sim/churnFit.ts), and gives shape{' '}
        {FAILURE_MODELS[NodeClass.peer].shape}, scale {FAILURE_MODELS[NodeClass.peer].scaleHours / 24} days. Read as the
        chance an uptime lasts beyond t, the same shares gave uptimes nearly twice as long, which flattered the grid; it
        assumes a grid in a steady state (a growing one has more young nodes).
      </p>
      <table className="method__table">
        <caption>Small nodes up for longer than…: published, and in the model</caption>
        <thead>
          <tr>
            <th scope="col">Up for over</th>
            {UPTIME_STREAKS.map((d) => (
              <th scope="col" key={d.days}>
                {d.days} days
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">ThreeFold Grid</th>
            {UPTIME_STREAKS.map((d) => (
              <td key={d.days}>{formatPercent(d.share)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">Model</th>
            {UPTIME_STREAKS.map((d) => (
              <td key={d.days}>
                {formatPercent(
                  ageShareAbove(
                    d.days,
                    FAILURE_MODELS[NodeClass.peer].shape,
                    FAILURE_MODELS[NodeClass.peer].scaleHours / 24,
                  ),
                )}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <table className="method__table">
        <caption>Failures on their own, per node</caption>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Failures a year</th>
            <th scope="col">Mean repair</th>
            <th scope="col">Time down</th>
            <th scope="col">Uptime model</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.cls}>
              <th scope="row">{r.name}</th>
              <td>{r.perYear.toFixed(1)}</td>
              <td>{r.mttrHours} h</td>
              <td>{formatSmallShare(r.downShare)}</td>
              <td>
                {r.shape === 1 ? 'exponential' : `Weibull, shape ${r.shape}`}, mean {Math.round(r.meanUpDays)} days
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** Demand and capacity (sim/demand.ts): what a copy can carry, and where its load goes when copies fail. */
function Capacity() {
  const d = serviceDemand(100)
  return (
    <section aria-labelledby="method-capacity">
      <h3 id="method-capacity">Demand and capacity</h3>
      <p>
        Services are not equally used: their popularity follows a Zipf-like law with exponent {POPULARITY_EXPONENT}, as
        requests to web content do (Breslau et al., 1999); of 100 services the most used has {formatPercent(d[0]!)} of
        all use, the least {formatSmallShare(d[99]!)}. A copy can only carry so much, so a service needs more sites the
        more it is used, by one rule on every network: copies in proportion to its share of use times the network's
        sites, half of them (at least the minimum). A cloud region is one site big enough for any service, so the clouds
        keep 1 or 3 regions a service; on the grid the most used runs on far more small nodes than the least used (the
        grid above says how many), and no small node holds more than {MAX_COPIES_PER_NODE} copies, when placed or when
        the grid heals.
      </p>
      <p>
        Every copy is provisioned for its share of its service's load plus {formatPercent(HEADROOM)}, on every network:
        what a service in three zones or regions needs to keep serving with one of them lost (AWS calls it static
        stability). When copies fail, their load moves to the survivors in the same connected group; past their headroom
        everyone there gets a share of the service in proportion (capacity over demand), which counts as that share of
        it available.
      </p>
      <p>
        Both designs are given the capacity their load needs. The ThreeFold Grid today is far smaller than a hyperscale
        cloud: this compares the two shapes at the same capacity, not today's grid with today's clouds. The clouds here
        serve from their regions only; a content network at their points of presence would bring popular services closer
        to people too, as the grid's many copies do (not modelled).
      </p>
    </section>
  )
}

/** Who brings a failure back and when (sim/repair.ts): people, or the grid's own software. */
function Repair() {
  const o = DEFAULT_SIM_OPTIONS
  const r = o.response
  const titles = (list: readonly { title: string }[]) => list.map((i) => i.title).join(', ')
  return (
    <section aria-labelledby="method-repair">
      <h3 id="method-repair">Who repairs, and how long it takes</h3>
      <p>
        In a cloud, people bring a failure back: the provider’s engineers learn of it, find the cause and put it right.
        The model takes their times from what really happened. Engineers knew of it {formatDuration(r.cloudDetectMin)}{' '}
        after it began, at the median of the recorded outages whose reports say ({titles(DETECTED_INCIDENTS)}). Service
        was restored {formatDuration(r.cloudRestoreMin)} after it began, at the median of the{' '}
        {RESPONSE_INCIDENTS.length} recorded outages the engineers put right (fires, strikes and a bad release that had
        to be undone machine by machine left out). So a failed cloud region, point of presence or shared plane comes
        back {formatDuration(r.cloudRestoreMin)} after it failed, on both clouds; the timeline marks when the engineers
        are alerted and when it is restored.
      </p>
      <p>
        In the grid, a small node’s farmer repairs it ({formatDuration(r.nodeRepairMin)} on average, as in churn). Its
        services do not wait for that: with no one involved, the grid makes every copy the node held again on another
        node. A node gone for {o.healAfterMin} minutes counts as lost (a short blip sets nothing off); a surviving copy
        is then sent to the working node nearest the lost one. How long that takes is the data over the bandwidth, both
        assumptions: {o.copyGb} GB a copy (a small web service and its database), sent at {o.copyMbps} Mbit/s (a good
        home or office upstream), {formatDuration(copyMinutes(o.copyGb, o.copyMbps))} a copy, longer when one node sends
        several at once (they share its upstream). The timeline marks when the grid has healed itself.
      </p>
      <p>
        A disaster’s area comes back {formatDuration(r.areaRestoreMin)} after it was hit (as long as a region’s major
        outage lasts), its people and every node in it, the same on every network; so do cut links. A recorded outage
        replays with its own reported duration instead. Every one of these times is a parameter of the command line
        (--repair-after response|never|minutes, --cloud-detect, --cloud-restore, --node-repair, --area-restore,
        --heal-after, --copy-gb, --copy-mbps).
      </p>
    </section>
  )
}

function Latency({ rest }: { rest: Record<'centralized' | 'decentralized' | 'p2p', StepMetrics | undefined> }) {
  return (
    <section aria-labelledby="method-latency">
      <h3 id="method-latency">Latency</h3>
      <p>
        A link's round trip is light in fiber ({formatCount(FIBER_KM_PER_MS * 1000)} km/s) over {DEFAULT_ROUTE_STRETCH}{' '}
        times the great-circle distance, there and back, plus the cost of the hop: {BACKBONE_HOP_MS} ms through a router
        of a cloud backbone, {OVERLAY_HOP_MS} ms through a small overlay node, which routes and re-encrypts in software
        on an ordinary connection (an assumption). At the start of this run:
      </p>
      <ul className="method__list">
        {(['centralized', 'decentralized', 'p2p'] as const).map((k) => (
          <li key={k}>
            {NETWORK_LABELS[k]}: median {formatMs(rest[k]?.latencyP50Ms ?? null)}, p95{' '}
            {formatMs(rest[k]?.latencyP95Ms ?? null)}
          </li>
        ))}
      </ul>
      <p>
        No one publishes what a hop through a small overlay node costs, and the grid's paths have many hops, so its
        latency leans on that figure. With the default networks (seed 1; `npm run sim -- sensitivity`), against the
        clouds'{' '}
        {SENSITIVITY.latency.clouds
          .map((c) => `${formatMs(c.p50)} (${NETWORK_LABELS[c.network].toLowerCase()})`)
          .join(' and ')}{' '}
        median:
      </p>
      <table className="method__table">
        <caption>The grid's latency against the cost of a hop through a small node</caption>
        <thead>
          <tr>
            <th scope="col">A hop costs</th>
            {SENSITIVITY.latency.grid.map((r) => (
              <th scope="col" key={r.hopMs}>
                {r.hopMs} ms
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Median</th>
            {SENSITIVITY.latency.grid.map((r) => (
              <td key={r.hopMs}>{formatMs(r.p50)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">p95</th>
            {SENSITIVITY.latency.grid.map((r) => (
              <td key={r.hopMs}>{formatMs(r.p95)}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  )
}

/** Who owns and who controls each network: two Nakamoto-style counts (sim/ownership.ts), and the world's. */
const CONTROL_KINDS = ['centralized', 'decentralized', 'p2p'] as const

function Control({ nets }: { nets: Nets }) {
  const kinds = CONTROL_KINDS
  const counts = useMemo(
    () => Object.fromEntries(CONTROL_KINDS.map((k) => [k, nets[k] ? ownership(nets[k]) : null])),
    [nets],
  )
  return (
    <section aria-labelledby="method-control">
      <h3 id="method-control">Who owns and who controls</h3>
      <p>
        Two counts for each network, lower meaning more concentrated. <em>Hold half the data</em>: the fewest operators
        who together hold a copy of at least half of the services' data. <em>Stop half the services</em>: the fewest
        parties whose failure, or decision, takes at least half of the services offline (every operator hosting a
        service's copies, or the party running a shared plane it needs). Found by a greedy search: each count is at most
        the figure shown.
      </p>
      <table className="method__table" data-control>
        <thead>
          <tr>
            <th scope="col">Network</th>
            <th scope="col">Operators</th>
            <th scope="col">Hold half the data</th>
            <th scope="col">Stop half the services</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((k) => {
            const o = counts[k]
            return (
              <tr key={k} data-network={k}>
                <th scope="row">{NETWORK_LABELS[k]}</th>
                <td>{o ? formatCount(o.operators) : '…'}</td>
                <td>{o ? formatCount(o.holdHalf) : '…'}</td>
                <td>
                  {o
                    ? o.stopHalf === o.stopHalfHosts
                      ? formatCount(o.stopHalf)
                      : `${formatCount(o.stopHalf)} (its shared name service); ${formatCount(o.stopHalfHosts)} through its hosts`
                    : '…'}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p>
        The model's clouds are one provider each, so both counts are 1 by construction. In the world, three providers
        hold about two thirds of cloud infrastructure (AWS about 29%, Microsoft about 20%, Google about 13%, Synergy
        Research, Q3 2025): the fewest holding half is 3. The ThreeFold Grid has over 1,000 independent farmers. The
        grid's 1 is its shared gateway name service, which half of its services are assumed to be published under: its
        own single point of control, shown as it is.
      </p>
    </section>
  )
}

function Costs({ rows, cloud, grid }: { rows: FailureRow[]; cloud?: Network; grid?: Network }) {
  const region = rows.find((r) => r.cls === NodeClass.region)!
  const peer = rows.find((r) => r.cls === NodeClass.peer)!
  const c = cloud && networkFacts(cloud)
  const g = grid && networkFacts(grid)
  const replicas = g?.replicas ?? 3
  return (
    <section aria-labelledby="method-costs">
      <h3 id="method-costs">What the distributed design costs</h3>
      <ul className="method__list">
        <li>
          Small nodes fail far more often: {peer.perYear.toFixed(1)} times a year against {region.perYear.toFixed(1)}{' '}
          for a cloud region, and each stays down {peer.mttrHours} hours. A small node is down{' '}
          {formatSmallShare(peer.downShare)} of the time, {Math.round(peer.downShare / region.downShare)} times as much
          as a region ({formatSmallShare(region.downShare)}). The grid makes up for it with copies: if nodes failed
          independently, all {replicas} copies of the least used service would be down at once{' '}
          {formatSmallShare(allDownShare(peer.downShare, replicas))} of the time. They do not always fail independently,
          which is what the disaster and push scenarios are for.
        </li>
        <li>
          Every hop through a small node costs {OVERLAY_HOP_MS} ms against {BACKBONE_HOP_MS} ms in a cloud backbone, and
          a path across a mesh takes more hops than one across a backbone. Copies near people can make up for it
          (compare the medians above), and detours around failures add to it: watch the latency when nodes fail.
        </li>
        <li>
          A bad push through one operator reaches everything that operator runs:{' '}
          {c ? `all ${formatCount(c.largestOperator)} machines of the cloud` : 'every machine of the cloud'}, but only{' '}
          {g ? `${formatCount(g.largestOperator)} of the grid's ${formatCount(g.nodes)}` : 'a few of the grid'}. One
          software release on every node (the push with operator "all") reaches every small node as well, and takes the
          grid down with it: the distributed design is no shelter from a monoculture.
        </li>
      </ul>
    </section>
  )
}

function Assumptions() {
  return (
    <section aria-labelledby="method-assumptions">
      <h3 id="method-assumptions">Assumptions to know</h3>
      <ul className="method__list">
        <li>
          Cloud providers publish no share of services per region: here it follows Zipf's law, so the largest of 16
          regions (Northern Virginia) hosts about 30% of them, and that sets how much the centralized cloud loses with
          it. Under a disaster within 500 km of Northern Virginia, its services available are{' '}
          {SENSITIVITY.regionSkew
            .map(
              (r) =>
                `${formatPercent(r.serviceAvailability)} with the largest region hosting ${formatPercent(r.largestShare)} (skew ${r.skew})`,
            )
            .join(', ')}
          ; the grid's, {formatPercent(SENSITIVITY.gridUnderDisaster)} (--region-skew on the command line).
        </li>
        <li>The cloud's backbone joins every pair of regions directly.</li>
        <li>Everyone uses every service; latency is measured on a fixed sample of 16 of them.</li>
        <li>
          Small nodes fail independently of one another in everyday churn; shared causes are modelled as scenarios (a
          disaster area, a push, a spreading failure, a shared plane in a recorded outage).
        </li>
        <li>
          Above {formatCount(EXACT_LOAD_MAX_NODES)} nodes (a grid larger than the default), a cascade's loads are
          estimated from {formatCount(LOAD_SAMPLE_SOURCES)} sampled sources rather than every pair, and that makes
          cascades there harsher than exact loads would (a node whose sampled load is low gets a low capacity): at 5,000
          nodes, 22 nodes failed where exact loads fail 1. Every network built by default has exact loads.
        </li>
        <li>One step is one simulated minute; the clock runs at the speed you set.</li>
      </ul>
    </section>
  )
}
