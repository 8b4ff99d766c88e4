/**
 * The published work and the public reports the model rests on. Plain links: rendering one makes no request;
 * they open in a new tab only when followed.
 */

interface Source {
  cite: string
  what: string
  /** Where it is published, when there is one address to give. */
  href?: string
}

const SCIENCE: Source[] = [
  {
    cite: 'P. Baran, On Distributed Communications: I. Introduction to Distributed Communications Networks, RAND RM-3420-PR (1964)',
    what: 'the centralized, decentralized and distributed networks, and survivability as the measure',
    href: 'https://www.rand.org/pubs/research_memoranda/RM3420.html',
  },
  {
    cite: 'D. S. Callaway, M. E. J. Newman, S. H. Strogatz, D. J. Watts, Network robustness and fragility: percolation on random graphs, Phys. Rev. Lett. 85, 5468 (2000)',
    what: 'how much of a network stays connected as nodes are removed (percolation)',
    href: 'https://doi.org/10.1103/PhysRevLett.85.5468',
  },
  {
    cite: 'R. Albert, H. Jeong, A.-L. Barabási, Error and attack tolerance of complex networks, Nature 406, 378 (2000)',
    what: 'random failures against targeted attacks on the best-connected nodes',
    href: 'https://doi.org/10.1038/35019019',
  },
  {
    cite: 'A. E. Motter, Y.-C. Lai, Cascade-based attacks on complex networks, Phys. Rev. E 66, 065102 (2002)',
    what: 'the overload cascade: capacity (1 + α) times the initial load',
    href: 'https://doi.org/10.1103/PhysRevE.66.065102',
  },
]

const FACTS: Source[] = [
  {
    cite: 'L. Breslau, P. Cao, L. Fan, G. Phillips, S. Shenker, Web caching and Zipf-like distributions: evidence and implications, IEEE INFOCOM 1999',
    what: 'requests to web content follow a Zipf-like law, exponent 0.64 to 0.83: the popularity of services here (0.8)',
  },
  {
    cite: 'AWS Builders’ Library, Static stability using Availability Zones',
    what: 'provisioning so that losing one of three zones needs no new capacity: the 50% headroom of every copy here',
    href: 'https://aws.amazon.com/builders-library/static-stability-using-availability-zones/',
  },
  {
    cite: 'US Department of Energy, Hurricane Sandy situation reports, 30 Oct – 1 Nov 2012',
    what: 'about 8.5 million customers without power at the peak: the size of the story’s regional disaster',
  },
  {
    cite: 'ThreeFold forum, Grid stats: new nodes and utilization overview (weekly reports)',
    what: 'uptime streaks of active nodes (88% over a week, 70% over a month, 44% over three months), fitted for small-node churn',
    href: 'https://forum.threefold.io/t/grid-stats-new-nodes-utilization-overview/3291',
  },
  {
    cite: 'AWS, Summary of the Amazon S3 service disruption in the Northern Virginia (US-EAST-1) region, 28 Feb 2017',
    what: 'about 4 hours: one region, a mistyped maintenance command',
    href: 'https://aws.amazon.com/message/41926/',
  },
  {
    cite: 'AWS, Summary of the AWS service event in the Northern Virginia (US-EAST-1) region, 7 Dec 2021',
    what: 'about 7 hours: internal network devices overwhelmed',
    href: 'https://aws.amazon.com/message/12721/',
  },
  {
    cite: 'AWS, Summary of the Amazon DynamoDB service disruption in the Northern Virginia (US-EAST-1) region, 19–20 Oct 2025',
    what: 'about 14.5 hours: an empty DNS record left by a race in automation',
    href: 'https://aws.amazon.com/message/101925/',
  },
  {
    cite: 'Fastly, Summary of June 8 outage (2021)',
    what: 'about 49 minutes: one customer configuration set off a latent bug across the network',
    href: 'https://www.fastly.com/blog/summary-of-june-8-outage',
  },
  {
    cite: 'Meta Engineering, More details about the October 4 outage (2021)',
    what: 'about 5.5 hours: a backbone command withdrew the routes to every DNS server',
    href: 'https://engineering.fb.com/2021/10/05/networking-traffic/outage-details/',
  },
  {
    cite: 'Microsoft, Helping our customers through the CrowdStrike outage, 20 Jul 2024',
    what: 'one faulty update crashed about 8.5 million Windows machines: a push through every machine',
    href: 'https://blogs.microsoft.com/blog/2024/07/20/helping-our-customers-through-the-crowdstrike-outage/',
  },
  {
    cite: 'Google Cloud, Service Health incident report, 12 Jun 2025',
    what: 'a bad policy replicated worldwide took down API control for hours',
    href: 'https://status.cloud.google.com/incidents/ow5i3PPK96RduMcb1SsW',
  },
  {
    cite: 'Cloudflare, Cloudflare outage on November 18, 2025',
    what: 'about 3 hours: an oversized configuration file crashed the proxy',
    href: 'https://blog.cloudflare.com/18-november-2025-outage/',
  },
]

function SourceList({ items }: { items: Source[] }) {
  return (
    <ul className="method__sources">
      {items.map((s) => (
        <li key={s.cite}>
          {s.href ? (
            <a href={s.href} target="_blank" rel="noreferrer noopener">
              {s.cite}
            </a>
          ) : (
            s.cite
          )}
          <span className="method__muted">: {s.what}.</span>
        </li>
      ))}
    </ul>
  )
}

export function Sources() {
  return (
    <section aria-labelledby="method-sources">
      <h3 id="method-sources">Sources</h3>
      <p>The science:</p>
      <SourceList items={SCIENCE} />
      <p>
        The outages behind the cloud's failure figures (regional outages of one to fourteen hours) and behind the push
        scenario, and the measured churn of small nodes:
      </p>
      <SourceList items={FACTS} />
    </section>
  )
}
