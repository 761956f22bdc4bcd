import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readBridge } from './api/bridge';
import { prefetch, withSharedReads } from './api/shared-reads';
import { App } from './app/app';
import { AppThemeProvider } from './app/app-theme-provider';
import { BridgeMissing } from './app/bridge-missing';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

// Read now, not at import: the preload or the harness's bridge script has run by now.
const bridge = readBridge(window);
// The first page's list is asked for now: the core works on it while the window draws.
const api = bridge && withSharedReads(bridge, { prefetch: [prefetch('tokens:list', {})] });

createRoot(container).render(
  <StrictMode>
    <AppThemeProvider>{api ? <App api={api} /> : <BridgeMissing />}</AppThemeProvider>
  </StrictMode>,
);
