import Box from '@mui/material/Box';
import { Suspense, useEffect, useState } from 'react';
import type { CratekeeperApi } from '../../shared/ipc/api';
import { ApiProvider } from '../api/api-context';
import { ErrorBoundary } from '../components/error-boundary';
import { NoticeProvider } from '../components/notice';
import { PageLoading } from '../components/page-loading';
import { whenIdle } from '../components/when-idle';
import { AccountsProvider } from '../features/accounts/accounts-context';
import { SignInProvider } from '../features/accounts/sign-in-context';
import { AppNavigation } from '../features/attention/app-navigation';
import { ApprovalHost } from '../features/cargo-provider/approval-host';
import { useNewTokenNavigation } from '../features/new-token/new-token-route';
import { VaultBanner } from '../features/vault/vault-banner';
import { VaultProvider } from '../features/vault/vault-context';
import { AppHeader } from './app-header';
import { SECTIONS } from './sections';
import { SideNav } from './side-nav';

/**
 * The application window: top bar, side navigation and the current section.
 * The vault comes before accounts: signing in stores a session in it.
 */
export function App({ api }: { api: CratekeeperApi }) {
  const [current, setCurrent] = useState(SECTIONS[0].id);
  const section = SECTIONS.find((entry) => entry.id === current) ?? SECTIONS[0];
  useNewTokenNavigation(section.id, setCurrent);
  // Lazy pages open instantly when visited: their code loads once the first screen is idle.
  useEffect(
    () =>
      whenIdle(() => {
        for (const entry of SECTIONS) entry.preload?.();
      }),
    [],
  );
  return (
    <ApiProvider api={api}>
      <AppNavigation onNavigate={setCurrent} />
      <NoticeProvider>
        {/* cargo's "Ask me before each publish" requests, on whatever page is open. */}
        <ApprovalHost />
        <VaultProvider>
          <AccountsProvider>
            <SignInProvider>
              <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
                <AppHeader />
                <VaultBanner />
                <Box sx={{ display: 'flex', flex: 1, minHeight: 0 }}>
                  <SideNav sections={SECTIONS} current={section.id} onSelect={setCurrent} />
                  <Box
                    component="main"
                    sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}
                  >
                    {/* Keyed, so a section that crashed starts fresh when revisited. */}
                    <ErrorBoundary key={section.id}>
                      <Suspense fallback={<PageLoading label={section.label} />}>
                        <section.Page />
                      </Suspense>
                    </ErrorBoundary>
                  </Box>
                </Box>
              </Box>
            </SignInProvider>
          </AccountsProvider>
        </VaultProvider>
      </NoticeProvider>
    </ApiProvider>
  );
}
