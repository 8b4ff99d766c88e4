/**
 * The built-in story: today's centralized internet, two recorded outages replayed (AWS us-east-1's DNS, October
 * 2025; Cloudflare's global push, November 2025; src/sim/incidents), what multi-region copies do and do not protect
 * against (a provider's worldwide systems; a regional disaster, when the copies are far apart), the peer-to-peer
 * grid under the same failures, its own costs, and the two side by side. Captions for a general audience; numbers come from the live simulation,
 * and every claim a caption makes is checked against the model in builtin.test.ts.
 */

import type { Story } from './schema'

const ASHBURN = { lat: 39.04, lon: -77.49 }
const ATLANTIC = { lat: 32, lon: -35 }
/**
 * A disaster around Northern Virginia large enough to reach Ohio: power, flood, or worse. Not a replay (no cloud
 * region has been lost this way yet): its size is that of a real one, Hurricane Sandy's blackout (2012).
 */
const EAST_COAST = { kind: 'region', lat: 39.04, lon: -77.49, radiusKm: 600 } as const

export const BUILTIN_STORY: Story = {
  version: 1,
  title: 'Why a peer-to-peer internet survives',
  steps: [
    {
      title: 'The internet today',
      caption:
        'Most apps we use run in a handful of giant data-centre regions. Each arc is a route from where people are to one of those few places.',
      network: 'centralized',
      view: ATLANTIC,
      seconds: 12,
    },
    {
      title: 'One place carries a lot',
      caption:
        'Northern Virginia hosts more services than any other region. The taller the column, the more of what people use lives there.',
      network: 'centralized',
      view: ASHBURN,
      seconds: 10,
    },
    {
      title: 'October 2025, replayed',
      caption:
        'On 20 October 2025 an empty DNS record in this region broke services around the world for about 14 hours (AWS’s own report). Replayed here: the region stays up, but what needs its endpoints stops answering, for people everywhere.',
      network: 'centralized',
      view: ASHBURN,
      scenario: { kind: 'incident', id: 'aws-2025-10-20' },
      seconds: 14,
    },
    {
      title: 'Copies in other regions',
      caption:
        'Keeping every service in two or three regions rides out that outage. But every copy belongs to one company, and leans on its worldwide systems.',
      network: 'decentralized',
      view: ASHBURN,
      scenario: { kind: 'incident', id: 'aws-2025-10-20' },
      seconds: 12,
    },
    {
      title: 'One push, everywhere',
      caption:
        'On 18 November 2025 one oversized file, pushed to every Cloudflare machine, broke its proxy worldwide for about three hours. Replayed on the multi-region cloud: copies in other regions do not help when the failure is everywhere at once.',
      network: 'decentralized',
      view: ATLANTIC,
      scenario: { kind: 'incident', id: 'cloudflare-2025-11-18' },
      seconds: 14,
    },
    {
      title: 'The same push, peer to peer',
      caption:
        'The grid has no one proxy to push to. The same bad push reaches the machines of one operator, a few dozen of thousands, and every service keeps answering.',
      network: 'p2p',
      view: ATLANTIC,
      scenario: { kind: 'incident', id: 'cloudflare-2025-11-18' },
      seconds: 12,
    },
    {
      title: 'A regional disaster',
      caption:
        'A storm like Sandy, which left 8.5 million homes and businesses on the US East Coast without power in 2012, centred here, takes the Northern Virginia and Ohio regions down. What lived only there is gone for people everywhere, far from the storm too.',
      network: 'centralized',
      view: ASHBURN,
      scenario: EAST_COAST,
      seconds: 14,
    },
    {
      title: 'Copies far apart',
      caption:
        'Keep every service in regions far apart, as careful cloud teams do, and the storm costs only the people inside it: copies elsewhere serve everyone else. Copies away from the storm are what make the difference.',
      network: 'decentralized',
      view: ASHBURN,
      scenario: EAST_COAST,
      seconds: 12,
    },
    {
      title: 'The same disaster, peer to peer',
      caption:
        'The grid does this by design: every service copied to places far apart, on thousands of small computers run by independent people. The people inside the storm lose their connection in every design; everyone else keeps every service.',
      network: 'p2p',
      view: ASHBURN,
      scenario: EAST_COAST,
      seconds: 14,
    },
    {
      title: 'What it costs',
      caption:
        'Small computers break far more often than a data centre: each about every two months, for half a day. The grid routes around them all day long: every service keeps answering, and the detours add about a millisecond.',
      network: 'p2p',
      view: { lat: 48, lon: 10 },
      scenario: { kind: 'churn' },
      speed: 60,
      seconds: 12,
    },
    {
      title: 'Side by side',
      caption:
        'The same failure, at the same place, from the same start. Left: the cloud. Right: the peer-to-peer grid.',
      network: 'centralized',
      view: ASHBURN,
      scenario: EAST_COAST,
      compare: { left: 'centralized', right: 'p2p' },
      seconds: 20,
    },
  ],
}
