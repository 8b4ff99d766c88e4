// First: before any schema is created (see csp.ts).
import './csp'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { boot } from './embed/boot'
import { installPageApi } from './embed/pageApi'
import { appStore } from './store/appStore'
import { installThemeAttribute } from './ui/theme/applyTheme'
import './styles.css'

installPageApi(appStore)
boot(appStore, { search: window.location.search, origin: window.location.origin })
installThemeAttribute(appStore)
void appStore.getState().load()

const root = document.getElementById('root')
if (!root) throw new Error('p2p-globe: no #root element in the page')

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
