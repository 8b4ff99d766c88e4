/**
 * What picking tests of one network, built once per network and shared by every globe that shows it: where each
 * node is drawn (a dot, or a cloud region's column from its base to its top) and the straight segments its
 * links are drawn with (the same arcs and the same sample as links.ts, so only what is drawn can be picked).
 * Link segments are built on first use: only the "cut a link" tool needs them.
 */

import type { Network } from '../sim/network'
import { NodeClass } from '../sim/network'
import { DOT_ALTITUDE, REGION_BASE_HEIGHT, REGION_HEIGHT_PER_SHARE } from './constants'
import { linkSegments, surfacePoint, unitVectors, type LinkSegments } from './geometry'
import { MAX_SEGMENTS } from './links'
import { hostedShare } from './nodes'

export interface NodePickData {
  /** xyz of every node drawn as a dot, and its node index. */
  dots: Float32Array
  dotNodes: Int32Array
  /** Base xyz then top xyz of every column (cloud regions), and its node index. */
  columns: Float32Array
  columnNodes: Int32Array
}

const nodeData = new WeakMap<Network, NodePickData>()
const linkData = new WeakMap<Network, LinkSegments>()

export function nodePickData(net: Network): NodePickData {
  let data = nodeData.get(net)
  if (data) return data
  const n = net.graph.n
  let regions = 0
  for (let v = 0; v < n; v++) if (net.nodeClass[v] === NodeClass.region) regions++
  const dots = new Float32Array((n - regions) * 3)
  const dotNodes = new Int32Array(n - regions)
  const columns = new Float32Array(regions * 6)
  const columnNodes = new Int32Array(regions)
  const share = regions > 0 ? hostedShare(net) : null
  const p: [number, number, number] = [0, 0, 0]
  let d = 0
  let c = 0
  for (let v = 0; v < n; v++) {
    if (net.nodeClass[v] === NodeClass.region) {
      surfacePoint(net.lat[v]!, net.lon[v]!, 0, p)
      columns.set(p, c * 6)
      // The column stands along the normal, as tall as nodes.ts makes it.
      surfacePoint(net.lat[v]!, net.lon[v]!, REGION_BASE_HEIGHT + REGION_HEIGHT_PER_SHARE * share![v]!, p)
      columns.set(p, c * 6 + 3)
      columnNodes[c++] = v
    } else {
      surfacePoint(net.lat[v]!, net.lon[v]!, DOT_ALTITUDE, p)
      dots.set(p, d * 3)
      dotNodes[d++] = v
    }
  }
  data = { dots, dotNodes, columns, columnNodes }
  nodeData.set(net, data)
  return data
}

/** The drawn segments of the network's links (see linkSegments: info[s × 4] is the link of segment s). */
export function linkPickData(net: Network): LinkSegments {
  let data = linkData.get(net)
  if (data) return data
  const g = net.graph
  data = linkSegments(g.linkA, g.linkB, g.m, unitVectors(net.lat, net.lon, g.n), undefined, MAX_SEGMENTS)
  linkData.set(net, data)
  return data
}
