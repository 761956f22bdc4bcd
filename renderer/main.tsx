import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readBridge } from './api/bridge';
import { withSharedReads } from './api/shared-reads';
import { App } from './app/app';
import { AppThemeProvider } from './app/app-theme-provider';
import { BridgeMissing } from './app/bridge-missing';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

// Read now, not at import: the preload or the harness's bridge script has run by now.
const bridge = readBridge(window);
const api = bridge && withSharedReads(bridge);

createRoot(container).render(
  <StrictMode>
    <AppThemeProvider>{api ? <App api={api} /> : <BridgeMissing />}</AppThemeProvider>
  </StrictMode>,
);
