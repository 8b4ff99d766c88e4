import { connect } from './host.js'

// The demo lives one folder up; by default on this page's origin. ?demo=<url of the demo> points elsewhere.
const params = new URLSearchParams(location.search)
const demoUrl = new URL(params.get('demo') ?? '../', location.href)
demoUrl.searchParams.set('embed', '1')
demoUrl.searchParams.set('parentOrigin', location.origin)

const iframe = document.getElementById('demo')
iframe.src = demoUrl.href
const demo = connect(iframe)
const log = document.getElementById('log')
const users = document.getElementById('users')
const services = document.getElementById('services')

function note(text) {
  const li = document.createElement('li')
  li.textContent = text
  log.prepend(li)
  while (log.children.length > 30) log.lastElementChild.remove()
}

const percent = (x) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`)

demo.on('*', (data) => {
  if (data.event === 'metrics') {
    users.textContent = percent(data.metrics?.usersOnline)
    services.textContent = percent(data.metrics?.serviceAvailability)
    return
  }
  note(
    `${data.event}${data.message ? `: ${data.message}` : ''}${data.state ? ` (network: ${data.state.network}, playing: ${data.state.playing})` : ''}`,
  )
})

for (const button of document.querySelectorAll('button[data-command]')) {
  button.addEventListener('click', () => {
    const command = button.dataset.command
    const args =
      command === 'setNetwork'
        ? { network: button.dataset.network }
        : command === 'runScenario'
          ? { scenario: { kind: 'site', at: 'ashburn' } }
          : {}
    demo.send(command, args).catch((e) => note(`error: ${e.message}`))
  })
}

// For tests and curious readers.
window.demo = demo
