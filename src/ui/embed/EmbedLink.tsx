import { useAppStore } from '../../store/appStore'

/** The parameters that make a page an embed: dropped from the link to the full demo. */
const EMBED_ONLY = ['embed', 'ui', 'interactive', 'parentOrigin']

/** The address of the full demo for the page at `href`: the same view, without the embed's restrictions. */
export function fullDemoUrl(href: string): string {
  const url = new URL(href)
  for (const key of EMBED_ONLY) url.searchParams.delete(key)
  return url.href
}

/** Embedded, the one piece of chrome: a small link that opens the full demo in a new tab. */
export function EmbedLink() {
  const embed = useAppStore((s) => s.embed)
  if (!embed) return null
  return (
    <a
      className="embed-link"
      data-chrome
      href={fullDemoUrl(window.location.href)}
      target="_blank"
      rel="noopener noreferrer"
    >
      Open the full demo <span aria-hidden="true">↗</span>
    </a>
  )
}
