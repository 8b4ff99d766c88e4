/**
 * What the post-incident reports say, by incident id: the operators' own reports (the first source of each) and
 * named secondary sources. Facts and figures only, in our own words; every figure names its source (an index into
 * the incident's sources). Kept apart from the facts (facts.ts) so the page loads this text only when it shows it.
 *
 * "science.md" is the project's fact sheet (../shared/reference/science.md §5), which the list started from; where
 * it is the only secondary source, the figure is the operator's and the fact sheet repeats it.
 */

import type { IncidentReport } from './types.ts'

const FACT_SHEET = {
  publisher: 'p2p-globe fact sheet',
  title: 'Facts for the scenarios and captions (science.md §5)',
} as const

export const INCIDENT_REPORTS: Readonly<Record<string, IncidentReport>> = {
  'aws-2017-02-28': {
    summary:
      'During routine debugging, a command meant to take a few storage servers out of service was entered wrongly ' +
      'and removed far more, including the subsystems that index and place every object; S3 in the region had to ' +
      'restart them and could not serve requests until they were back.',
    affected:
      'S3 in us-east-1, and the AWS services in the region that depend on it (the console, new EC2 instances, ' +
      'Lambda); the AWS status page itself could not show the outage.',
    figures: [
      { text: 'S3 fully recovered at 1:54 PM PST, 4 h 17 min after the command', source: 0 },
      { text: 'the AWS Service Health Dashboard could not be updated for the first part of the event', source: 0 },
    ],
    reportedShare: null,
    sources: [
      {
        publisher: 'Amazon Web Services',
        title: 'Summary of the Amazon S3 Service Disruption in the Northern Virginia (US-EAST-1) Region',
        url: 'https://aws.amazon.com/message/41926/',
        date: '2017-03-02',
      },
      FACT_SHEET,
    ],
  },
  'cloudflare-2019-07-02': {
    summary:
      'A new firewall rule with a badly backtracking regular expression was deployed to every machine at once; it ' +
      'exhausted the CPUs that handle HTTP traffic worldwide.',
    affected: 'Every Cloudflare point of presence: sites behind its proxy returned errors.',
    figures: [
      { text: 'an 82% drop in traffic through the proxy', source: 0 },
      { text: '27 minutes of outage', source: 0 },
      { text: 'first alert 3 minutes after the rule went out (13:45 UTC)', source: 0 },
    ],
    reportedShare: { share: 0.82, of: 'the traffic through Cloudflare’s proxy', source: 0 },
    sources: [
      {
        publisher: 'Cloudflare',
        title: 'Details of the Cloudflare outage on July 2, 2019',
        url: 'https://blog.cloudflare.com/details-of-the-cloudflare-outage-on-july-2-2019/',
        date: '2019-07-12',
      },
      FACT_SHEET,
    ],
  },
  'google-2020-12-14': {
    summary:
      'The identity service that every signed-in Google service relies on was left with a wrong quota after a ' +
      'migration of its quota system; it refused requests, and everything that needed a signed-in user failed.',
    affected: 'Gmail, YouTube, Google Workspace and Google Cloud services that required Google sign-in (OAuth).',
    figures: [{ text: '47 minutes during which services requiring Google OAuth were unavailable', source: 0 }],
    reportedShare: null,
    sources: [
      {
        publisher: 'Google Cloud',
        title: 'Google Cloud Infrastructure Components incident 20013',
        url: 'https://status.cloud.google.com/incident/zall/20013',
        date: '2020-12-18',
      },
    ],
  },
  'ovhcloud-2021-03-10': {
    summary:
      'A fire broke out in the SBG2 data centre shortly before 1 AM local time and destroyed it; the other buildings ' +
      'on the campus were shut down and their power cut while it burned.',
    affected: 'Servers and backups of OVHcloud customers in SBG1 to SBG4, many of them kept in the same place.',
    figures: [
      { text: 'SBG2 destroyed, part of SBG1 damaged; SBG3 and SBG4 shut down', source: 0 },
      { text: 'about 3.6 million websites across 464,000 domains taken offline', source: 1 },
    ],
    reportedShare: { share: 0.003, of: 'websites (3.6 million of about 1.2 billion in Netcraft’s survey)', source: 1 },
    sources: [
      { publisher: 'OVHcloud', title: 'Strasbourg SBG incident updates (Octave Klaba, OVHcloud)', date: '2021-03-10' },
      { publisher: 'Netcraft', title: 'OVH fire takes 3.6 million websites offline', date: '2021-03-10' },
    ],
  },
  'fastly-2021-06-08': {
    summary:
      'A software release weeks earlier carried a latent bug; one customer’s valid configuration change triggered ' +
      'it, and most of the CDN’s servers began returning errors.',
    affected: 'Sites served through Fastly worldwide (news, government, shops).',
    figures: [
      { text: '85% of the network returned errors', source: 0 },
      { text: 'detected within 1 minute; 95% of the network normal within 49 minutes', source: 0 },
    ],
    reportedShare: { share: 0.85, of: 'Fastly’s network (servers returning errors)', source: 0 },
    sources: [
      {
        publisher: 'Fastly',
        title: 'Summary of June 8 outage',
        url: 'https://www.fastly.com/blog/summary-of-june-8-outage',
        date: '2021-06-08',
      },
      FACT_SHEET,
    ],
  },
  'akamai-2021-07-22': {
    summary:
      'A software configuration update triggered a bug in Akamai’s DNS system; names it answers for stopped ' +
      'resolving until the update was rolled back.',
    affected: 'Sites and services whose names Akamai’s Edge DNS resolves (banks, airlines, retailers).',
    figures: [{ text: 'a disruption of up to an hour', source: 0 }],
    reportedShare: null,
    sources: [{ publisher: 'Akamai', title: 'Akamai statement on the Edge DNS service incident', date: '2021-07-22' }],
  },
  'facebook-2021-10-04': {
    summary:
      'A command meant to check the backbone’s capacity disconnected every data centre from it; the DNS servers, ' +
      'unable to reach the data centres, withdrew their routes, so nothing could find Facebook, nor its engineers ' +
      'their own tools.',
    affected: 'Facebook, Instagram, WhatsApp and Messenger, worldwide; internal tools and building access too.',
    figures: [
      { text: 'every Facebook data centre disconnected from the backbone', source: 0 },
      { text: 'routes to Facebook’s DNS servers withdrawn at about 15:40 UTC; DNS back at about 21:20 UTC', source: 1 },
    ],
    reportedShare: { share: 1, of: 'Facebook’s services (all apps unreachable)', source: 0 },
    sources: [
      {
        publisher: 'Meta Engineering',
        title: 'More details about the October 4 outage',
        url: 'https://engineering.fb.com/2021/10/05/networking-traffic/outage-details/',
        date: '2021-10-05',
      },
      {
        publisher: 'Cloudflare',
        title: 'Understanding How Facebook Disappeared from the Internet',
        url: 'https://blog.cloudflare.com/october-2021-facebook-outage/',
        date: '2021-10-04',
      },
    ],
  },
  'aws-2021-12-07': {
    summary:
      'An automated activity to scale a service in the main AWS network set off a surge of connections that ' +
      'overwhelmed the devices between it and the internal network, where the region’s control planes, DNS and ' +
      'monitoring run; running instances were mostly fine, but nothing could be managed, launched or seen.',
    affected: 'AWS APIs and the console in us-east-1, and services built on them (streaming, deliveries, smart homes).',
    figures: [{ text: 'network devices fully recovered at 2:22 PM PST, about 7 hours after the start', source: 0 }],
    reportedShare: null,
    sources: [
      {
        publisher: 'Amazon Web Services',
        title: 'Summary of the AWS Service Event in the Northern Virginia (US-EAST-1) Region',
        url: 'https://aws.amazon.com/message/12721/',
        date: '2021-12-10',
      },
      FACT_SHEET,
    ],
  },
  'crowdstrike-2024-07-19': {
    summary:
      'A content update to the Falcon security sensor made Windows crash at boot on every machine that received it ' +
      'in the 78 minutes it was live; each had to be repaired by hand.',
    affected: 'Windows machines running Falcon: airlines, hospitals, banks, broadcasters.',
    figures: [
      { text: 'the update was live from 04:09 to 05:27 UTC', source: 0 },
      { text: 'about 8.5 million Windows devices, less than one percent of all Windows machines', source: 1 },
    ],
    reportedShare: { share: 0.01, of: 'all Windows machines (less than one percent)', source: 1 },
    sources: [
      {
        publisher: 'CrowdStrike',
        title: 'Falcon Content Update Preliminary Post Incident Report',
        date: '2024-07-24',
      },
      {
        publisher: 'Microsoft',
        title: 'Helping our customers through the CrowdStrike outage',
        url: 'https://blogs.microsoft.com/blog/2024/07/20/helping-our-customers-through-the-crowdstrike-outage/',
        date: '2024-07-20',
      },
    ],
  },
  'google-2025-06-12': {
    summary:
      'A policy change with blank fields was replicated to every region within seconds; the service that checks ' +
      'every API request against policy and quota hit an unguarded code path and crashed in a loop everywhere.',
    affected: 'Google Cloud APIs worldwide, and services built on them (Cloudflare’s Workers KV among them).',
    figures: [
      { text: 'the bad policy was replicated globally within seconds', source: 0 },
      { text: 'engineers triaging within 2 minutes; the cause found within 10', source: 0 },
      { text: 'about 3 hours of core impact', source: 1 },
    ],
    reportedShare: null,
    sources: [
      {
        publisher: 'Google Cloud',
        title: 'Multiple GCP products are experiencing Service issues (incident report)',
        url: 'https://status.cloud.google.com/incidents/ow5i3PPK96RduMcb1SsW',
        date: '2025-06-13',
      },
      FACT_SHEET,
    ],
  },
  'aws-2025-10-20': {
    summary:
      'A race between two copies of DynamoDB’s DNS automation left the regional endpoint’s DNS record empty; ' +
      'nothing could find DynamoDB, and the services built on it (launching instances, load balancers) failed ' +
      'in turn, long after the record was fixed.',
    affected: 'DynamoDB, EC2 launches, load balancers and many other services in us-east-1, and the sites on them.',
    figures: [
      { text: 'DynamoDB errors from 11:48 PM to 2:40 AM PDT', source: 0 },
      { text: 'about 14.5 hours until every service recovered', source: 1 },
    ],
    reportedShare: null,
    sources: [
      {
        publisher: 'Amazon Web Services',
        title: 'Summary of the Amazon DynamoDB Service Disruption in the Northern Virginia (US-EAST-1) Region',
        url: 'https://aws.amazon.com/message/101925/',
        date: '2025-10-23',
      },
      FACT_SHEET,
    ],
  },
  'azure-2025-10-29': {
    summary:
      'An inadvertent tenant configuration change reached Azure Front Door, Microsoft’s global edge, and left ' +
      'many of its nodes unable to load their configuration; traffic to the sites behind it failed.',
    affected: 'Sites and services behind Azure Front Door, Microsoft 365 and Xbox among them.',
    figures: [{ text: 'impact from 15:41 UTC on 29 October to 00:05 UTC on 30 October', source: 0 }],
    reportedShare: null,
    sources: [
      {
        publisher: 'Microsoft Azure',
        title: 'Azure status history: Azure Front Door (tracking ID YKYN-BWZ)',
        url: 'https://azure.status.microsoft/en-us/status/history/',
        date: '2025-10-30',
      },
      FACT_SHEET,
    ],
  },
  'cloudflare-2025-11-18': {
    summary:
      'A database permissions change doubled the size of the feature file that Bot Management generates every few ' +
      'minutes; the proxy on every machine refused the oversized file and failed, and the network returned errors.',
    affected: 'Sites behind Cloudflare’s proxy worldwide, and Cloudflare’s own dashboard and sign-in.',
    figures: [
      { text: 'errors from 11:20 UTC; core traffic normal by 14:30 UTC', source: 0 },
      { text: 'an automated test detected the issue at 11:31 UTC', source: 0 },
      { text: 'Cloudflare fronts about 20% of websites', source: 1 },
    ],
    reportedShare: null,
    sources: [
      {
        publisher: 'Cloudflare',
        title: 'Cloudflare outage on November 18, 2025',
        url: 'https://blog.cloudflare.com/18-november-2025-outage/',
        date: '2025-11-18',
      },
      FACT_SHEET,
    ],
  },
  'aws-2026-03-01': {
    summary:
      'Physical strikes on 1 and 2 March took out two of the three availability zones of the UAE and Bahrain ' +
      'regions; replication inside a region could not help when most of it was gone.',
    affected: 'AWS ME-CENTRAL-1 (UAE) and ME-SOUTH-1 (Bahrain), and the services homed there.',
    figures: [{ text: '2 of 3 availability zones out; recovery in days to months', source: 1 }],
    reportedShare: null,
    sources: [
      { publisher: 'Amazon Web Services', title: 'AWS Health Dashboard: ME-CENTRAL-1 and ME-SOUTH-1', date: '2026-03' },
      FACT_SHEET,
    ],
  },
}
