import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { ApiError } from '../api/problem.ts';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { createRouter } from './router.tsx';

/** The application: query cache, languages, router. */
export function App() {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // A refused call (4xx) will not succeed by retrying; a network error may.
          queries: { retry: (n, e) => n < 2 && !(e instanceof ApiError && e.status >= 400 && e.status < 500), refetchOnWindowFocus: true },
          mutations: { retry: false },
        },
      }),
  );
  const [router] = useState(createRouter);
  return (
    <QueryClientProvider client={client}>
      <I18nProvider>
        <RouterProvider router={router} />
      </I18nProvider>
    </QueryClientProvider>
  );
}
