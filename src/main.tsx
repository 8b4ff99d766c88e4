import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { installPageApi } from './embed/pageApi'
import './styles.css'

installPageApi()

const root = document.getElementById('root')
if (!root) throw new Error('p2p-globe: no #root element in the page')

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
